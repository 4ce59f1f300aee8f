#include "bpw/cli.hpp"

#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

namespace bpw {

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      std::string_view program) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::Success&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    // CLI11's message, cut to its first line.
    std::string message = e.what();
    if (message.empty()) message = "invalid command line";
    if (const auto end = message.find('\n'); end != std::string::npos) message.resize(end);
    std::cerr << program << ": " << message << " (run " << program << " --help for the options)\n";
    return 2;
  }
}

}  // namespace bpw
