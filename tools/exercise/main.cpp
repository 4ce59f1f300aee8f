// exercise: list, check, watch and reset the workbook's exercises.
//
//   exercise list                      every exercise in book order, pass or not yet
//   exercise show NAME                 its statement, equation, shapes, hint and file
//   exercise check NAME|CHAPTER|all    build the learner's function and check it
//   exercise watch [NAME]              check again on every save; move on when it passes
//   exercise reset NAME                back to the starting text, the old one kept aside
//   exercise start NAME                print the starting text
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <bpw/cli.hpp>

#include "workspace.hpp"

using namespace workspace;
using bpw::Exercise;

namespace {

struct Usage : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

Exercise named(const std::string& name) {
  if (auto e = bpw::exercise_named(name)) return *e;
  throw Usage("there is no exercise named '" + name + "'; `exercise list` shows them all");
}

// NAME, a chapter ("3", "03" or "03_output_delta"), or "all", in book order.
std::vector<Exercise> selected(const std::string& which) {
  std::vector<Exercise> out;
  for (const Exercise& e : bpw::all_exercises()) {
    const std::string number = std::to_string(bpw::chapter_of(e));
    if (which == "all" || which == e.name || which == number || which == e.folder ||
        which == std::string(e.folder.substr(0, 2)))
      out.push_back(e);
  }
  if (out.empty())
    throw Usage("there is no exercise or chapter '" + which +
                "'; give an exercise's name, a chapter number or all (`exercise list` shows them)");
  return out;
}

void print_statement(const Exercise& e) {
  std::cout << "Exercise " << bpw::exercise_number(e) << "  " << e.name << ": " << e.title << "\n\n"
            << "  " << bpw::with_numbers(e.statement) << "\n\n"
            << "  " << bpw::equation_line(e) << "\n\n"
            << "  shapes: " << e.shapes << "\n"
            << "  hint:   " << bpw::with_numbers(e.hint) << "\n\n"
            << "  file:   " << shown(target_for(e, std::nullopt).file) << "\n"
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
      std::cout << "  · missing  " << bpw::exercise_number(e) << "  " << e.name
                << ": `exercise reset " << e.name << "` writes it again\n";
      continue;
    }
    const bool pass = passed(t);
    passes += pass;
    const bool untouched = read_text(t.file) == bpw::starting_text(e);
    std::cout << "  " << (pass ? "✓ pass   " : "· not yet") << "  " << bpw::exercise_number(e)
              << (bpw::exercise_number(e).size() < 4 ? " " : "") << "  " << e.name
              << std::string(e.name.size() < 20 ? 20 - e.name.size() : 1, ' ') << e.title
              << (untouched ? "" : pass ? "" : "  (edited)") << "\n";
  }
  std::cout << "\n" << passes << " of " << all.size() << " pass. Open an exercise's file with "
            << "`exercise show NAME`, then `exercise check NAME` or `exercise watch`.\n";
  return 0;
}

int check_all(const std::vector<Exercise>& exercises, const std::optional<fs::path>& file) {
  if (file && exercises.size() != 1) throw Usage("--file goes with a single exercise's name");
  int passes = 0;
  for (const Exercise& e : exercises) passes += check(target_for(e, file));
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
    std::cout << "watching " << shown(t.file) << " (Exercise " << bpw::exercise_number(*exercise)
              << ")\n\n";
    if (check(t)) {
      if (file) return 0;
      exercise = first_not_passed(exercise);
      if (!exercise) {
        std::cout << "\nEvery exercise passes.\n";
        return 0;
      }
      std::cout << "\nnext: Exercise " << bpw::exercise_number(*exercise) << "  " << exercise->name
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("List, check, watch and reset the workbook's exercises.", "exercise");
  app.require_subcommand(1);
  std::string which, name;
  std::optional<fs::path> file;
  std::optional<std::string> output;

  app.add_subcommand("list", "every exercise in book order, pass or not yet");
  auto* show =
      app.add_subcommand("show", "an exercise's statement, equation, shapes, hint and file");
  show->add_option("name", name, "the exercise")->required();
  auto* check_cmd =
      app.add_subcommand("check", "build your function and check it against the workbook's");
  check_cmd->add_option("which", which, "an exercise's name, a chapter's number, or all")
      ->required();
  check_cmd->add_option("--file", file, "check this file instead of the chapter's exercise file");
  auto* watch_cmd = app.add_subcommand(
      "watch", "check on every save until it passes, then go on to the next");
  watch_cmd->add_option("name", name,
                        "the exercise to start from (default: the first not yet passed)");
  watch_cmd->add_option("--file", file, "watch this file instead of the chapter's exercise file");
  auto* reset_cmd = app.add_subcommand(
      "reset", "put an exercise back to its starting text; yours is kept aside");
  reset_cmd->add_option("name", name, "the exercise")->required();
  reset_cmd->add_option("--file", file, "reset this file instead of the chapter's exercise file");
  auto* start = app.add_subcommand("start", "print an exercise's starting text");
  start->add_option("name", name, "the exercise")->required();
  start->add_option("--output", output, "write it to this file instead");

  if (const auto status = bpw::parse_command_line(app, argc, argv, "exercise")) return *status;

  try {
    if (app.got_subcommand("list")) return list();
    if (show->parsed()) {
      print_statement(named(name));
      return 0;
    }
    if (check_cmd->parsed()) return check_all(selected(which), file);
    if (watch_cmd->parsed())
      return watch(name.empty() ? std::nullopt : std::optional(named(name)), file);
    if (reset_cmd->parsed()) return reset_one(named(name), file);
    if (start->parsed()) {
      const std::string text = bpw::starting_text(named(name));
      if (output)
        write_text(*output, text);
      else
        std::cout << text;
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "exercise: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
