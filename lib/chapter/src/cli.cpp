#include "bpw/cli.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bpw/text_fit.hpp"

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

// CLI11's help with each option's name and description broken at spaces to fit
// `width` columns, the description in its own column as CLI11 sets it.
class FittedFormatter : public CLI::Formatter {
 public:
  FittedFormatter(std::size_t width, std::size_t column) : width_(width) { column_width(column); }

  std::string make_description(const CLI::App* app) const override {
    std::string out;
    std::istringstream lines(Formatter::make_description(app));
    for (std::string line; std::getline(lines, line);) {
      const std::vector<std::string> pieces = wrap(line, width_, 0, 0);
      for (const std::string& piece : pieces) out += piece + "\n";
    }
    return out;
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::size_t column = get_column_width();
    const std::string name = make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    std::string out;
    const std::vector<std::string> names = wrap(name, width_, 2, 6);
    for (std::size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "  " : "\n      ") + names[i];
    if (description.empty()) return out + "\n";
    const std::size_t at = (names.size() == 1 ? 2 : 6) + display_width(names.back());
    out += at < column && names.size() == 1 ? std::string(column - at, ' ') : "\n" + std::string(column, ' ');
    const std::vector<std::string> lines = wrap(description, width_, column, column);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out += (i == 0 ? "" : "\n" + std::string(column, ' ')) + lines[i];
    return out + "\n";
  }

 private:
  std::size_t width_;
};

}  // namespace

int terminal_columns(bool to_stdout) {
  winsize size{};
  if (!to_stdout || isatty(STDOUT_FILENO) == 0 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      std::string_view program) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::Success&) {
    // As wide as the trace would be (COLUMNS or the terminal); a pipe or a file
    // gets CLI11's own lines.
    if (const int width = text_width(0, std::getenv("COLUMNS"), terminal_columns(true), min_width); width > 0)
      app.formatter(std::make_shared<FittedFormatter>(static_cast<std::size_t>(width),
                                                      app.get_formatter()->get_column_width()));
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << program << ": " << worded(e, app) << " (run " << program
              << " --help for the options)\n";
    return 2;
  }
}

}  // namespace bpw
