// What the fuzz targets share. Each target defines LLVMFuzzerTestOneInput: a
// loader given arbitrary bytes must either load them or throw a UsageError
// (one line for the learner). Anything else escapes the target and ends the
// process, which libFuzzer, and the replay in the test suite, report as a crash:
// another exception (a chapter would print "internal error" and exit 1), a
// memory error or undefined behaviour (ASan, UBSan), or a broken promise,
// checked with require().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bpw/errors.hpp"

namespace bpw::fuzz {

inline void require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs `load`; a UsageError is a fine answer to bad input, and its message
// must be one line.
template <class Load>
void expect_usage_errors(Load&& load) {
  try {
    load();
  } catch (const UsageError& e) {
    const std::string_view what = e.what();
    require(!what.empty() && what.find('\n') == std::string_view::npos, "a message is one line");
  }
}

}  // namespace bpw::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
