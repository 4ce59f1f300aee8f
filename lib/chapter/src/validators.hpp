// Checks for the chapters' flags, worded for learners: "the learning rate must
// be a positive number such as 0.5, not 'fast'". Private to bpw_chapter.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace bpw {

// A finite number for which `accept` holds; otherwise
// "<what> must be <requirement>, not '<text>'".
CLI::Validator number(const std::string& what, const std::string& requirement,
                      bool (*accept)(double));

// A whole number from `low` to `high`, read strictly: CLI11 2.1 reads an unsigned
// flag with strtoull, which takes -1 for 2⁶⁴ − 1 and wraps past 2⁶⁴.
CLI::Validator whole_number(const std::string& what, std::uint64_t low, std::uint64_t high);

// One of the names of `choices`, in any case, turned into its value by CLI11's
// CheckedTransformer; otherwise "<what> 'pdf' is unknown; choose one of …".
template <class T>
CLI::Validator one_of(const std::string& what,
                      const std::vector<std::pair<std::string, T>>& choices) {
  std::string listed;
  for (const auto& [name, value] : choices) listed += (listed.empty() ? "" : ", ") + name;
  CLI::Validator check = CLI::CheckedTransformer(choices, CLI::ignore_case);
  return CLI::Validator(
      [check, what, listed](std::string& text) mutable -> std::string {
        const std::string given = text;
        if (check(text).empty()) return {};
        return what + " '" + given + "' is unknown; choose one of " + listed;
      },
      "{" + listed + "}");
}

}  // namespace bpw
