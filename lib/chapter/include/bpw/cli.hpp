// Parsing a command line the workbook's way: --help prints the help, fitted to
// the terminal like the rest of the output; any mistake is one line on stderr,
// "program: what is wrong (run program --help for the options)", and exit status 2.
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

// The terminal's columns when the standard output is one (`to_stdout`), 0 otherwise.
int terminal_columns(bool to_stdout);

// The narrowest and widest text the workbook fits its output to (--width): below
// 40 columns the margin of 7 leaves room for two or three numbers a row; no
// terminal is wider than 1000.
constexpr int min_width = 40, max_width = 1000;

}  // namespace bpw
