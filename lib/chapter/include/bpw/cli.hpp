// Parsing a command line the workbook's way: --help prints the help; any
// mistake is one line on stderr, "program: what is wrong (run program --help
// for the options)", and exit status 2.
#pragma once

#include <optional>
#include <string_view>

namespace CLI {
class App;
}

namespace bpw {

// Parses argv into `app`. Returns the status to exit with (0 after --help,
// 2 after a mistake), or nothing when the program should go on.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      std::string_view program);

}  // namespace bpw
