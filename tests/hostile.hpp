// What the hostile-input tests share: a scratch folder of this process's own
// (CTest runs test cases in parallel processes), the IDX fixtures, files made
// on the spot, and the message a loader throws.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>

namespace hostile {

namespace fs = std::filesystem;

inline fs::path scratch() {
  static const fs::path dir = [] {
    const fs::path d = fs::temp_directory_path() / ("bpw_hostile_" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

// The fixtures of make_idx_fixtures, made once per process.
inline fs::path idx_fixtures() {
  static const fs::path dir = [] {
    const fs::path d = scratch() / "idx";
    const std::string command = std::string(BPW_FIXTURE_MAKER) + " " + d.string();
    REQUIRE(std::system(command.c_str()) == 0);
    return d;
  }();
  return dir;
}

inline std::string file_with(const std::string& name, const std::string& text) {
  const fs::path path = scratch() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// One line, and short enough to read.
inline void check_one_short_line(const std::string& message) {
  CHECK(message.find('\n') == std::string::npos);
  CHECK(message.find('\r') == std::string::npos);
  CHECK(message.size() < 400);
}

// The UsageError that `load` throws; the test fails when it throws none.
inline std::string message_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const bpw::UsageError& e) {
    return e.what();
  }
  FAIL("no UsageError");
  return "";
}

}  // namespace hostile
