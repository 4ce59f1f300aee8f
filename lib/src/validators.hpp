// CLI11 checks whose messages say what a learner should type instead, e.g.
// "the learning rate must be a positive number such as 0.5, not 'fast'".
// Private to the library.
#pragma once

#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace bpw {

// A number (a whole one when `whole`) for which `accept` holds; otherwise
// "<what> must be <requirement>, not '<text>'".
inline CLI::Validator checked_number(const std::string& what, const std::string& requirement,
                                     std::function<bool(double)> accept, bool whole = false) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = whole ? static_cast<double>(std::strtol(text.c_str(), &end, 10))
                               : std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !std::isfinite(v) || !accept(v))
          return what + " must be " + requirement + ", not '" + text + "'";
        return {};
      },
      requirement);
}

// One of the listed names; otherwise "<what> '<text>' is unknown; choose one of …".
inline CLI::Validator one_of(const std::string& what, const std::vector<std::string>& names) {
  std::string listed;
  for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        for (const auto& n : names)
          if (text == n) return {};
        return what + " '" + text + "' is unknown; choose one of " + listed;
      },
      "{" + listed + "}");
}

}  // namespace bpw
