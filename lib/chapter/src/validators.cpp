#include "validators.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace bpw {

CLI::Validator number(const std::string& what, const std::string& requirement,
                      bool (*accept)(double)) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v) || !accept(v))
          return fmt::format("{} must be {}, not '{}'", what, requirement, text);
        return {};
      },
      requirement);
}

CLI::Validator whole_number(const std::string& what, std::uint64_t low, std::uint64_t high) {
  const std::string requirement =
      high == UINT64_MAX && low > 0 ? fmt::format("a whole number of at least {}", low)
                                    : fmt::format("a whole number from {} to {}", low, high);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, v);
        if (text.empty() || error != std::errc() || stop != end || v < low || v > high)
          return fmt::format("{} must be {}, not '{}'", what, requirement, text);
        text = std::to_string(v);  // as CLI11 reads it: "010" would be octal there
        return {};
      },
      requirement);
}

}  // namespace bpw
