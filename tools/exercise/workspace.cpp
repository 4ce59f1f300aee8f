#include "workspace.hpp"

#include "progress.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <bpw/files.hpp>

namespace workspace {
namespace {

const fs::path source_dir = BPW_SOURCE_DIR;
const fs::path build_dir = BPW_BUILD_DIR;
const std::string cmake = BPW_CMAKE_COMMAND;

// A learner's function that loops for ever must not hang the checker: 30 s,
// or BPW_EXERCISE_TIME_LIMIT seconds (the tests use 2).
std::chrono::seconds time_limit() {
  if (const char* limit = std::getenv("BPW_EXERCISE_TIME_LIMIT")) {
    try {
      return std::chrono::seconds(std::max(1, std::stoi(limit)));
    } catch (const std::exception&) {
    }
  }
  return std::chrono::seconds(30);
}

// Where the learner's exercise files are: the source tree, or another copy of
// its chapters/*/exercises/ folders named by BPW_EXERCISE_ROOT (the tests' own).
fs::path exercise_root() {
  const char* root = std::getenv("BPW_EXERCISE_ROOT");
  return root && *root ? fs::path(root) : source_dir;
}

// A pass: the text that passed, and the time of the first pass.
void record_pass(const Target& t) {
  Progress progress = load_progress();
  ExerciseProgress& mine = progress.exercises[std::string(t.exercise.name)];
  mine.passed = fingerprint(read_text(t.file));
  if (mine.first_pass.empty()) mine.first_pass = utc_now();
  save_progress(progress);
}

// Runs a shell command, its stdout and stderr together.
std::pair<int, std::string> capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 1, out};
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// The exercise's target compiles a one-line file in the build tree that
// includes the learner's file, so that any file can be checked.
fs::path wrapper_of(const Target& t) {
  return build_dir / "exercises" / "yours" / (std::string(t.exercise.name) + ".cpp");
}

void point_build_at(const Target& t) {
  write_text(wrapper_of(t), "#include \"" + fs::absolute(t.file).string() + "\"\n");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
  return text;
}

// The compiler's messages about the learner's own file come first, each with
// its line; then the rest of what the compiler said, without the build tool's.
void show_compile_errors(const Target& t, const std::string& output) {
  const fs::path wrapper = wrapper_of(t);
  const std::string file = fs::absolute(t.file).string();
  std::vector<std::string> yours, rest;
  std::string first_other_error;
  std::istringstream lines(output);
  const auto starts = [](const std::string& line, const std::string& with) {
    return line.rfind(with, 0) == 0;
  };
  const auto has = [](const std::string& line, const char* part) {
    return line.find(part) != std::string::npos;
  };
  for (std::string line; std::getline(lines, line);) {
    // The build tool's lines: progress, the failed command, its summary.
    if (starts(line, "FAILED:") || starts(line, "ninja:") || starts(line, "make") ||
        starts(line, "gmake") || starts(line, "[") || has(line, " -o ") ||
        starts(line, "In file included from " + wrapper.string()))
      continue;
    const bool error = has(line, ": error:");
    if (starts(line, file + ":") && (error || has(line, "required from here")))
      yours.push_back(shown(t.file) + line.substr(file.size()));
    else if (error && first_other_error.empty())
      first_other_error = replaced(line, source_dir.string() + "/", "");
    rest.push_back(line);
  }
  // An error inside a header, caused by a line of the learner's (a changed
  // parameter list reaches BPW_EXERCISE's static_assert): that line, then the error.
  const bool any_error = std::any_of(yours.begin(), yours.end(),
                                     [&](const std::string& l) { return has(l, ": error:"); });
  if (!any_error && !first_other_error.empty()) yours.push_back(first_other_error);
  std::cout << "✗ Exercise " << bpw::exercise_label(t.exercise) << "  " << t.exercise.name
            << ": does not compile\n";
  for (const std::string& line : yours) std::cout << "  " << line << "\n";
  if (yours.empty()) std::cout << "  (the compiler names no line of " << shown(t.file) << ")\n";
  std::cout << "  the compiler's full message:\n";
  std::size_t printed = 0;
  for (const std::string& line : rest) {
    if (++printed > 40) {
      std::cout << "    … " << rest.size() - 40 << " more lines\n";
      break;
    }
    std::cout << "    " << replaced(line, file, shown(t.file)) << "\n";
  }
}

// Runs the check program with a time limit; its output goes straight to ours.
int run_check(const fs::path& program, int hints, int only_case, const fs::path& source) {
  std::cout.flush();
  const std::string hint_count = std::to_string(hints), case_number = std::to_string(only_case);
  const std::string file = fs::absolute(source).string();
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("cannot start " + program.string());
  if (child == 0) {
    execl(program.c_str(), program.c_str(), "--hints", hint_count.c_str(), "--case",
          case_number.c_str(), "--source", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + time_limit();
  int status = 0;
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFSIGNALED(status)) return 1000 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

}  // namespace

// The record of passes belongs to the tree of exercise files it describes.
fs::path progress_file() {
  if (exercise_root() != source_dir) return exercise_root() / "progress.json";
  return build_dir / "exercises" / "progress.json";
}

fs::path solution_file(const bpw::Exercise& e) {
  return source_dir / "lib" / "exercise" / "solutions" / std::string(e.folder) /
         (std::string(e.name) + ".cpp");
}

Target target_for(const bpw::Exercise& e, const std::optional<fs::path>& file) {
  if (file) {
    if (!fs::is_regular_file(*file))
      throw std::invalid_argument("cannot read " + file->string() +
                                  "; give the path of an exercise file");
    return {e, *file, false};
  }
  return {e, exercise_root() / bpw::exercise_path(e), true};
}

std::string shown(const fs::path& file) {
  const fs::path absolute = fs::absolute(file).lexically_normal();
  const fs::path relative = absolute.lexically_relative(source_dir);
  if (!relative.empty() && *relative.begin() != "..") return relative.string();
  return file.string();
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::invalid_argument("cannot read " + shown(file));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& file, const std::string& text) {
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  if (fs::exists(file) && read_text(file) == text) return;  // keeps the build from redoing it
  bpw::write_text_file(file.string(), text);
}

std::string chapter_heading(const bpw::Exercise& e) {
  std::ifstream in(source_dir / "chapters" / std::string(e.folder) / "README.md");
  std::string first;
  std::getline(in, first);
  return first.rfind("# ", 0) == 0 ? first.substr(2) : std::string(e.folder);
}

int check(const Target& t, int only_case) {
  if (!fs::exists(t.file))
    throw std::invalid_argument("there is no " + shown(t.file) + "; `exercise reset " +
                                std::string(t.exercise.name) + "` writes its starting text");
  point_build_at(t);
  const std::string name(t.exercise.name), label = bpw::exercise_label(t.exercise);
  const auto [built, output] =
      capture(cmake + " --build " + quoted(build_dir) + " --target exercise_" + name);
  if (built != 0) {
    show_compile_errors(t, output);
    return 1;
  }
  const int hints = load_progress().exercises[name].hints;
  const int status = run_check(build_dir / "exercises" / "bin" / ("exercise_" + name), hints,
                               only_case, t.file);
  if (status == 0 && t.own_file && only_case == 0) record_pass(t);
  if (status == -1)
    std::cout << "✗ Exercise " << label << "  " << name << ": still running after "
              << time_limit().count() << " s, so it was stopped; look for a loop that never ends\n";
  else if (status > 1000)
    std::cout << "✗ Exercise " << label << "  " << name << ": your function crashed ("
              << strsignal(status - 1000) << "); an index past the end of a matrix is the usual cause\n";
  return status == 0 || status == 2 ? status : 1;
}

bool passed(const Target& t) {
  if (!fs::exists(t.file)) return false;
  const Progress progress = load_progress();
  const auto entry = progress.exercises.find(std::string(t.exercise.name));
  return entry != progress.exercises.end() && !entry->second.passed.empty() &&
         entry->second.passed == fingerprint(read_text(t.file));
}

std::optional<fs::path> reset(const Target& t) {
  const std::string start = bpw::starting_text(t.exercise);
  if (fs::exists(t.file) && read_text(t.file) == start) return std::nullopt;
  std::optional<fs::path> kept;
  if (fs::exists(t.file)) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    const fs::path folder = t.file.parent_path() / "kept";
    fs::path aside = folder / (std::string(t.exercise.name) + "-" + stamp + ".cpp");
    for (int n = 2; fs::exists(aside); ++n)
      aside = folder / (std::string(t.exercise.name) + "-" + stamp + "-" + std::to_string(n) +
                        ".cpp");
    fs::create_directories(folder);
    // Written whole or not at all, like every file the workbook writes.
    bpw::write_text_file(aside.string(), read_text(t.file));
    kept = aside;
  }
  write_text(t.file, start);
  return kept;
}

}  // namespace workspace
