// exercise: list, check, watch and reset the workbook's exercises; hints one at
// a time, the solution after a pass, and the lines a class hands in.
//
//   exercise list                      every exercise in book order, pass or not yet
//   exercise show NAME                 its statement, equations, shapes, hints shown, file
//   exercise check NAME|LABEL|CHAPTER|all [--case K]
//                                      build the learner's function and check it
//   exercise watch [NAME]              check again on every save; move on when it passes
//   exercise hint NAME                 the next hint (three or so, the last nearly the answer)
//   exercise solution NAME             the workbook's solution, once the check has passed
//   exercise reset NAME                back to the starting text, the old one kept aside
//   exercise start NAME                print the starting text
//   exercise report                    one line to hand in: passes, times and a check
//   exercise gather FILES…             the instructor's table of a class's report lines
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <bpw/cli.hpp>

#include "class_commands.hpp"
#include "progress.hpp"
#include "workspace.hpp"

using namespace workspace;
using bpw::Exercise;

namespace {

struct Usage : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// An exercise by name or by label ("3-A").
Exercise named(const std::string& name) {
  if (auto e = bpw::exercise_named(name)) return *e;
  if (auto e = bpw::exercise_labelled(name)) return *e;
  throw Usage("there is no exercise named '" + name + "'; `exercise list` shows them all");
}

// NAME, a chapter ("3", "03" or "03_output_delta"), or "all", in book order.
std::vector<Exercise> selected(const std::string& which) {
  std::vector<Exercise> out;
  for (const Exercise& e : bpw::all_exercises()) {
    const std::string number = std::to_string(bpw::chapter_of(e));
    const auto label = bpw::exercise_labelled(which);
    if (which == "all" || which == e.name || which == number || which == e.folder ||
        which == std::string(e.folder.substr(0, 2)) || (label && label->name == e.name))
      out.push_back(e);
  }
  if (out.empty())
    throw Usage("there is no exercise or chapter '" + which +
                "'; give an exercise's name, a chapter number or all (`exercise list` shows them)");
  return out;
}

void print_statement(const Exercise& e) {
  const int hints = load_progress().exercises[std::string(e.name)].hints;
  std::cout << "Exercise " << bpw::exercise_label(e) << "  " << e.name << ": " << e.title << "\n\n"
            << "  " << bpw::with_numbers(e.statement) << "\n\n";
  for (bpw::Eq id : bpw::equations_of(e)) std::cout << "  " << bpw::equation_line(id) << "\n";
  std::cout << "\n  shapes: " << e.shapes << "\n";
  if (!e.note.empty()) std::cout << "  note:   " << e.note << "\n";
  for (int n = 1; n <= hints; ++n)
    std::cout << "  hint " << n << ": " << bpw::hint_text(e, static_cast<std::size_t>(n)) << "\n";
  if (hints < static_cast<int>(e.hints.size()))
    std::cout << "  hints:  `build/bin/exercise hint " << e.name << "` shows hint " << hints + 1
              << " of " << e.hints.size() << "\n";
  std::cout << "\n  file:   " << shown(target_for(e, std::nullopt).file) << "\n"
            << "  check:  build/bin/exercise check " << e.name << "\n";
}

int list() {
  std::string chapter;
  int passes = 0;
  const auto all = bpw::all_exercises();
  for (const Exercise& e : all) {
    const Target t = target_for(e, std::nullopt);
    if (chapter != e.folder) {
      chapter = e.folder;
      std::cout << "\n" << chapter_heading(e) << "\n";
    }
    if (!fs::exists(t.file)) {
      std::cout << "  · missing  " << bpw::exercise_label(e) << "  " << e.name
                << ": `exercise reset " << e.name << "` writes it again\n";
      continue;
    }
    const bool pass = passed(t);
    passes += pass;
    const bool untouched = read_text(t.file) == bpw::starting_text(e);
    std::cout << "  " << (pass ? "✓ pass   " : "· not yet") << "  " << bpw::exercise_label(e)
              << (bpw::exercise_label(e).size() < 4 ? " " : "") << "  " << e.name
              << std::string(e.name.size() < 20 ? 20 - e.name.size() : 1, ' ') << e.title
              << (untouched ? "" : pass ? "" : "  (edited)") << "\n";
  }
  std::cout << "\n" << passes << " of " << all.size() << " pass. Open an exercise's file with "
            << "`exercise show NAME`, then `exercise check NAME` or `exercise watch`.\n";
  return 0;
}

int check_all(const std::vector<Exercise>& exercises, const std::optional<fs::path>& file,
              int only_case) {
  if (file && exercises.size() != 1) throw Usage("--file goes with a single exercise's name");
  if (only_case > 0 && exercises.size() != 1)
    throw Usage("--case goes with a single exercise's name, such as check sigmoid --case 3");
  int passes = 0;
  for (const Exercise& e : exercises) {
    const int status = check(target_for(e, file), only_case);
    if (status == 2) return 2;
    passes += status == 0;
  }
  if (exercises.size() > 1)
    std::cout << passes << " of " << exercises.size() << " exercises pass\n";
  return passes == static_cast<int>(exercises.size()) ? 0 : 1;
}

std::optional<Exercise> first_not_passed(const std::optional<Exercise>& after) {
  bool looking = !after;
  for (const Exercise& e : bpw::all_exercises()) {
    if (looking && !passed(target_for(e, std::nullopt))) return e;
    if (after && e.name == after->name) looking = true;
  }
  return std::nullopt;
}

fs::file_time_type modified(const fs::path& file) {
  std::error_code ignored;
  return fs::last_write_time(file, ignored);
}

// Checks, then waits for the file to be saved again, until it passes; then the
// next exercise that has not passed, unless --file named one file.
int watch(std::optional<Exercise> exercise, const std::optional<fs::path>& file) {
  if (!exercise) exercise = first_not_passed(std::nullopt);
  if (!exercise) {
    std::cout << "Every exercise passes.\n";
    return 0;
  }
  const bool tty = isatty(STDOUT_FILENO) != 0;
  bool clear = true;  // not after a pass: that stays on the screen above the next exercise
  while (exercise) {
    const Target t = target_for(*exercise, file);
    std::string text = read_text(t.file);
    if (tty && clear) std::cout << "\033[2J\033[H";
    clear = true;
    std::cout << "watching " << shown(t.file) << " (Exercise " << bpw::exercise_label(*exercise)
              << ")\n\n";
    if (check(t) == 0) {
      if (file) return 0;
      exercise = first_not_passed(exercise);
      if (!exercise) {
        std::cout << "\nEvery exercise passes.\n";
        return 0;
      }
      std::cout << "\nnext: Exercise " << bpw::exercise_label(*exercise) << "  " << exercise->name
                << " in " << shown(target_for(*exercise, std::nullopt).file) << "\n\n";
      clear = false;
      continue;
    }
    std::cout << "\nsave " << shown(t.file) << " to check again; Ctrl-C stops\n" << std::flush;
    // Wait for a save that changes the text (editors touch files without changing them).
    for (auto seen = modified(t.file);;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
      if (modified(t.file) == seen) continue;
      seen = modified(t.file);
      std::string now;
      try {
        now = read_text(t.file);
      } catch (const std::invalid_argument&) {
        continue;  // an editor between deleting and writing the file
      }
      if (now != text) break;
    }
  }
  return 0;
}

int reset_one(const Exercise& e, const std::optional<fs::path>& file) {
  const Target t = target_for(e, file);
  const bool existed = fs::exists(t.file);
  const auto kept = reset(t);
  if (kept)
    std::cout << shown(t.file) << " is back at its starting text; your version is kept in "
              << shown(*kept) << "\n";
  else if (existed)
    std::cout << shown(t.file) << " is at its starting text already\n";
  else
    std::cout << shown(t.file) << " was missing and has its starting text again\n";
  return 0;
}

// What the command line asked for, and the subcommands it declared.
struct Request {
  std::string which, name;
  std::optional<fs::path> file;
  std::optional<std::string> output, class_code, student;
  int only_case = 0;
  bool instructor = false;
  std::vector<std::string> reports;
  CLI::App *show, *check, *watch, *hint, *solution, *reset, *start, *report, *gather;
};

CLI::Validator case_number() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool whole = !text.empty() && text.size() < 7 &&
                           std::all_of(text.begin(), text.end(), ::isdigit) && std::stoi(text) > 0;
        return whole ? "" : "a case is a whole number from 1, such as 3, not '" + text + "'";
      },
      "K");
}

void declare(CLI::App& app, Request& r) {
  app.require_subcommand(1);
  app.add_subcommand("list", "every exercise in book order, pass or not yet");
  r.show = app.add_subcommand("show", "an exercise's statement, equations, shapes and file");
  r.show->add_option("name", r.name, "the exercise")->required();
  r.check = app.add_subcommand("check", "build your function and check it against the workbook's");
  r.check->add_option("which", r.which, "an exercise's name or label (3-A), a chapter, or all")
      ->required();
  r.check->add_option("--file", r.file, "check this file instead of the chapter's exercise file");
  r.check->add_option("--case", r.only_case, "run this case alone (a failure names its number)")
      ->check(case_number());
  r.watch = app.add_subcommand("watch", "check on every save until it passes, then go on to the next");
  r.watch->add_option("name", r.name, "the exercise to start from (default: the first not yet passed)");
  r.watch->add_option("--file", r.file, "watch this file instead of the chapter's exercise file");
  r.hint = app.add_subcommand("hint", "the next hint, one at a time");
  r.hint->add_option("name", r.name, "the exercise")->required();
  r.solution = app.add_subcommand("solution", "the workbook's solution, once your check has passed");
  r.solution->add_option("name", r.name, "the exercise")->required();
  r.solution->add_flag("--instructor", r.instructor, "show it before a pass");
  r.reset = app.add_subcommand("reset", "put an exercise back to its starting text; yours is kept aside");
  r.reset->add_option("name", r.name, "the exercise")->required();
  r.reset->add_option("--file", r.file, "reset this file instead of the chapter's exercise file");
  r.start = app.add_subcommand("start", "print an exercise's starting text");
  r.start->add_option("name", r.name, "the exercise")->required();
  r.start->add_option("--output", r.output, "write it to this file instead");
  r.report = app.add_subcommand(
      "report", "one line to hand in: your passes with their times, and a check against edits");
  r.report->add_option("--class", r.class_code, "your class code (remembered)");
  r.report->add_option("--student", r.student, "your name (remembered)");
  r.gather = app.add_subcommand("gather", "one table of a class's report lines, by exercise");
  r.gather->add_option("files", r.reports, "the files (or folders) the students handed in")->required();
}

int dispatch(CLI::App& app, const Request& r) {
  if (app.got_subcommand("list")) return list();
  if (r.show->parsed()) {
    print_statement(named(r.name));
    return 0;
  }
  if (r.check->parsed()) return check_all(selected(r.which), r.file, r.only_case);
  if (r.watch->parsed()) return watch(r.name.empty() ? std::nullopt : std::optional(named(r.name)), r.file);
  if (r.hint->parsed()) return hint(named(r.name));
  if (r.solution->parsed()) return solution(named(r.name), r.instructor);
  if (r.reset->parsed()) return reset_one(named(r.name), r.file);
  if (r.start->parsed()) {
    const std::string text = bpw::starting_text(named(r.name));
    if (r.output)
      write_text(*r.output, text);
    else
      std::cout << text;
    return 0;
  }
  if (r.report->parsed()) return report(r.class_code, r.student);
  if (r.gather->parsed()) return gather(r.reports);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("List, check, watch and reset the workbook's exercises; hints, solutions after a "
               "pass, and a class's report lines.", "exercise");
  Request request{};
  declare(app, request);
  if (const auto status = bpw::parse_command_line(app, argc, argv, "exercise")) return *status;
  try {
    return dispatch(app, request);
  } catch (const std::exception& e) {
    std::cerr << "exercise: " << e.what() << "\n";
    return 2;
  }
}
