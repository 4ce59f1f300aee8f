#include "bpw/cli.hpp"

#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace bpw {
namespace {

// Why two options exclude each other, for the pairs the workbook declares.
std::string why_exclusive(const std::string& a, const std::string& b) {
  const auto is = [&](const char* x, const char* y) { return (a == x && b == y) || (a == y && b == x); };
  if (is("--class", "--seed")) return "both choose the example's weights";
  if (is("--epochs", "--iterations")) return "both say how long to train";
  if (is("--csv", "--idx") || is("--csv", "--fashion-mnist")) return "both name the data";
  return "they ask for different things";
}

// CLI11's message, reworded where it speaks of its own internals.
std::string worded(const CLI::ParseError& e, const CLI::App& app) {
  std::string message = e.what();
  if (const auto end = message.find('\n'); end != std::string::npos) message.resize(end);
  if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
    const auto at = message.find(" excludes ");
    if (at != std::string::npos) {
      const std::string a = message.substr(0, at), b = message.substr(at + 10);
      return fmt::format("{} and {} cannot be given together: {}; give one of them", a, b,
                         why_exclusive(a, b));
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    for (const std::string& extra : app.remaining())
      if (extra.starts_with("-")) return fmt::format("{} is not one of this program's options", extra);
    if (!app.remaining().empty())
      return fmt::format("this program takes no argument '{}'", app.remaining().front());
  }
  return message.empty() ? "invalid command line" : message;
}

}  // namespace

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      std::string_view program) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::Success&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << program << ": " << worded(e, app) << " (run " << program
              << " --help for the options)\n";
    return 2;
  }
}

}  // namespace bpw
