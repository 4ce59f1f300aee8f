#include "class_commands.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include <bpw/chapter.hpp>
#include <bpw/exercise_report.hpp>

#include "progress.hpp"
#include "workspace.hpp"

namespace workspace {
namespace {

std::string title(const bpw::Exercise& e) {
  return "Exercise " + bpw::exercise_label(e) + "  " + std::string(e.name);
}

std::string trimmed(std::string text) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), space));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), space).base(), text.end());
  return text;
}

// Report lines in one file, each with where it was: "reports/ada.txt:3".
std::vector<std::pair<std::string, std::string>> lines_in(const fs::path& file) {
  std::vector<std::pair<std::string, std::string>> found;
  std::istringstream text(read_text(file));
  int number = 0;
  for (std::string line; std::getline(text, line);) {
    ++number;
    line = trimmed(line);
    if (bpw::is_report_line(line))
      found.emplace_back(shown(file) + ":" + std::to_string(number), line);
  }
  return found;
}

}  // namespace

int hint(const bpw::Exercise& e) {
  Progress progress = load_progress();
  ExerciseProgress& mine = progress.exercises[std::string(e.name)];
  const int all = static_cast<int>(e.hints.size());
  const bool more = mine.hints < all;
  if (more) {
    ++mine.hints;
    save_progress(progress);
  }
  std::cout << title(e) << " · hint " << mine.hints << " of " << all << "\n";
  for (int n = 1; n <= mine.hints; ++n)
    std::cout << "  " << n << ". " << bpw::hint_text(e, static_cast<std::size_t>(n)) << "\n";
  if (mine.hints < all)
    std::cout << "`build/bin/exercise hint " << e.name << "` shows hint " << mine.hints + 1
              << " of " << all << "\n";
  else
    std::cout << (more ? "That was the last hint; " : "Every hint is shown; ")
              << "`build/bin/exercise solution " << e.name << "` opens once `exercise check "
              << e.name << "` passes\n";
  return 0;
}

int solution(const bpw::Exercise& e, bool instructor) {
  const Progress progress = load_progress();
  const auto mine = progress.exercises.find(std::string(e.name));
  const bool passed = mine != progress.exercises.end() && !mine->second.first_pass.empty();
  if (!passed && !instructor)
    throw std::invalid_argument("the solution of " + title(e) + " opens once `exercise check " +
                                std::string(e.name) + "` passes (`exercise hint " +
                                std::string(e.name) + "` helps; an instructor adds --instructor)");
  std::cout << bpw::with_numbers(read_text(solution_file(e)));
  return 0;
}

int report(const std::optional<std::string>& class_code, const std::optional<std::string>& student) {
  Progress progress = load_progress();
  if (class_code) {
    bpw::class_seed(*class_code);  // the chapters' rule for codes: one line if it breaks it
    progress.class_code = *class_code;
    for (char& c : progress.class_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (student) {
    const std::string name = trimmed(*student);
    if (name.empty() || name.find('|') != std::string::npos)
      throw std::invalid_argument("--student: give your name, without '|', such as --student "
                                  "\"Ada Lovelace\"");
    progress.student = name;
  }
  if (progress.class_code.empty() || progress.student.empty())
    throw std::invalid_argument("exercise report needs your class code and name the first time: "
                                "exercise report --class CODE --student \"YOUR NAME\"");
  if (class_code || student) save_progress(progress);
  bpw::Report r{progress.class_code, progress.student, {}};
  for (const bpw::Exercise& e : bpw::all_exercises()) {
    const auto mine = progress.exercises.find(std::string(e.name));
    if (mine == progress.exercises.end()) continue;
    if (mine->second.first_pass.empty() && mine->second.hints == 0) continue;
    r.entries.push_back({bpw::exercise_label(e), mine->second.first_pass, mine->second.hints});
  }
  std::cout << bpw::report_line(r) << "\n";
  return 0;
}

int gather(const std::vector<std::string>& paths) {
  std::vector<bpw::Report> reports;
  for (const std::string& path : paths) {
    if (!fs::exists(path))
      throw std::invalid_argument("cannot read " + path + ": there is no such file or folder; "
                                  "give the files the students handed in");
    std::vector<fs::path> files;
    if (fs::is_directory(path)) {
      for (const auto& entry : fs::directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(path);
    }
    for (const fs::path& file : files) {
      const auto found = lines_in(file);
      if (found.empty() && !fs::is_directory(path))
        throw std::invalid_argument(shown(file) + " holds no report line; each student's file "
                                    "needs the line `exercise report` printed");
      for (const auto& [where, line] : found) {
        try {
          reports.push_back(bpw::parse_report_line(line));
        } catch (const bpw::ReportError& e) {
          throw std::invalid_argument(where + ": " + e.what());
        }
      }
    }
  }
  if (reports.empty())
    throw std::invalid_argument("no report lines in " + paths.front() +
                                "; give the files the students handed in");
  std::cout << bpw::class_table(reports);
  return 0;
}

}  // namespace workspace
