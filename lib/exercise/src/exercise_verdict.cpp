// The checker's verdict as the learner reads it: a pass, or the failing case
// with its inputs, the named mistake, the equation, the hints revealed so far
// and the command that reruns the case; and the check program's command line.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "exercise_check.hpp"

namespace bpw::exercise {
namespace {

// A matrix up to this size is shown in full with a failing case.
constexpr std::size_t shown_rows = 4, shown_cols = 4;

bool small(const Matrix& m) { return m.shape(0) <= shown_rows && m.shape(1) <= shown_cols; }

// "name = [ 1  2 ]" and the next rows aligned under the first, each column
// right-aligned, 10 significant digits.
std::string matrix_lines(const std::string& prefix, const Matrix& m) {
  std::vector<std::vector<std::string>> cells(m.shape(0));
  std::vector<std::size_t> width(m.shape(1), 0);
  for (std::size_t i = 0; i < m.shape(0); ++i)
    for (std::size_t j = 0; j < m.shape(1); ++j) {
      cells[i].push_back(fmt::format("{:.10g}", m(i, j)));
      width[j] = std::max(width[j], cells[i][j].size());
    }
  std::size_t indent = 0;
  for (char c : prefix) indent += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += i == 0 ? prefix : std::string(indent, ' ');
    out += "[";
    for (std::size_t j = 0; j < cells[i].size(); ++j)
      out += fmt::format(" {:>{}}{}", cells[i][j], width[j], j + 1 < cells[i].size() ? " " : "");
    out += " ]\n";
  }
  return out;
}

std::string given_lines(const std::vector<Given>& inputs) {
  if (inputs.empty()) return {};
  std::string out = "  given:\n";
  for (const Given& g : inputs) {
    if (g.number)
      out += fmt::format("    {} = {:.10g}\n", g.symbol, g.value(0, 0));
    else if (small(g.value))
      out += matrix_lines("    " + g.symbol + " = ", g.value);
    else
      out += fmt::format("    {} is {} (inputs larger than {}×{} are not shown)\n", g.symbol,
                         to_string(shape_of(g.value)), shown_rows, shown_cols);
  }
  return out;
}

std::string hint_lines(const Exercise& e, int revealed) {
  const std::string name(e.name);
  const std::size_t all = e.hints.size();
  const std::size_t shown = std::min<std::size_t>(std::max(revealed, 0), all);
  std::string out;
  for (std::size_t n = 1; n <= shown; ++n)
    out += fmt::format("  hint {} of {}: {}\n", n, all, hint_text(e, n));
  if (shown == 0)
    out += fmt::format("  hint: none shown yet; `build/bin/exercise hint {}` shows the first of {}\n",
                       name, all);
  else if (shown < all)
    out += fmt::format("  `build/bin/exercise hint {}` shows hint {} of {}\n", name, shown + 1, all);
  else
    out += fmt::format("  that is every hint; `build/bin/exercise solution {}` opens once the "
                       "check passes\n", name);
  return out;
}

std::string indented(const std::string& text) {
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out + "\n";
}

std::string failure_text(const Exercise& e, const Failure& f, int cases, int hints) {
  std::string out = fmt::format("  case {} of {}: {}\n", f.case_number, cases, f.description);
  out += given_lines(f.given);
  out += indented(f.message);
  if (f.yours && f.expected && small(*f.yours) && small(*f.expected) && f.expected->size() > 1) {
    out += matrix_lines("  yours     ", *f.yours);
    out += matrix_lines("  expected  ", *f.expected);
  }
  if (!f.diagnosis.empty()) out += indented(f.diagnosis);
  if (f.equation)
    out += "  " + equation_line(*f.equation) + "\n";
  else
    for (Eq id : equations_of(e)) out += "  " + equation_line(id) + "\n";
  out += hint_lines(e, hints);
  out += fmt::format("  redo this case alone:  build/bin/exercise check {} --case {}\n", e.name,
                     f.case_number);
  return out;
}

}  // namespace

int Check::report(const Exercise& exercise) const {
  const bool tty = isatty(STDOUT_FILENO) != 0;
  const std::string title = fmt::format("Exercise {}  {}", exercise_label(exercise), exercise.name);
  const int only = options_.only_case;
  if (only > cases_ || only < 0) {
    std::cerr << fmt::format("exercise {}: there is no case {}; {} has {} cases, 1 to {}\n",
                             exercise.name, only, title.substr(0, title.find("  ")), cases_, cases_);
    return 2;
  }
  if (!failure_) {
    const char* tick = tty ? "\033[32m✓\033[0m " : "✓ ";
    if (only > 0)
      std::cout << tick << title << fmt::format(
          ": case {} of {} agrees with the workbook; `build/bin/exercise check {}` runs all {}\n",
          only, cases_, exercise.name, cases_);
    else
      std::cout << tick << title << " passes: " << cases_
                << " cases agree with the workbook (largest difference "
                << fmt::format("{:.1e}", largest_difference_) << ")\n";
    return 0;
  }
  std::cout << (tty ? "\033[31m✗\033[0m " : "✗ ") << title << ": not yet\n"
            << failure_text(exercise, *failure_, cases_, options_.hints);
  return 1;
}

namespace {

// The learner's source: --source FILE from `exercise check`, or the file the
// program was compiled from, which the compiler names relative to the source
// tree (-fmacro-prefix-map) when it lies inside it.
std::string source_text(std::string file) {
  if (!file.empty() && file.front() != '/') file = std::string(BPW_SOURCE_DIR) + "/" + file;
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int run_from_command_line(std::string_view name, Function learner, int argc, char** argv,
                          const char* file) {
  RunOptions options;
  std::string source = file ? file : "";
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--source" && i + 1 < argc) {
      source = argv[++i];
      continue;
    }
    int* target = flag == "--hints" ? &options.hints : flag == "--case" ? &options.only_case : nullptr;
    const std::string_view text = i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
    int parsed = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (!target || error != std::errc() || end != text.data() + text.size() || parsed < 0) {
      std::cerr << "exercise " << name << ": '" << flag << (text.empty() ? "" : " ")
                << text << "' is not understood; an exercise program takes --hints N, "
                << "--case K (whole numbers) and --source FILE, as `exercise check` passes them\n";
      return 2;
    }
    *target = parsed;
    ++i;
  }
  options.source = source_text(source);
  return run(name, learner, options);
}

}  // namespace bpw::exercise
