// The instructor's table: a class's report lines, by exercise.
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "bpw/exercise_report.hpp"
#include "bpw/exercises.hpp"
#include "bpw/student.hpp"

namespace bpw {
namespace {

std::size_t passes(const Report& r) {
  return static_cast<std::size_t>(std::count_if(
      r.entries.begin(), r.entries.end(), [](const ReportEntry& e) { return !e.passed_at.empty(); }));
}

const ReportEntry* entry(const Report& r, const std::string& label) {
  for (const ReportEntry& e : r.entries)
    if (e.label == label) return &e;
  return nullptr;
}

std::string one_class(const std::string& code, const std::vector<Report>& reports,
                      const std::vector<std::string>& notes) {
  std::string names;
  for (const Report& r : reports) names += (names.empty() ? "" : ", ") + r.student;
  std::string out = fmt::format("Class {}: {} student{} ({})\n", code, reports.size(),
                                reports.size() == 1 ? "" : "s", names);
  for (const std::string& note : notes) out += note + "\n";
  out += fmt::format("\n{:<28}{:>8}{:>12}{:>8}\n", "exercise", "passed", "stuck here", "hints");
  std::map<std::string, int> stuck;
  for (const Report& r : reports)
    for (const Exercise& e : all_exercises()) {
      const ReportEntry* mine = entry(r, exercise_label(e));
      if (!mine || mine->passed_at.empty()) {
        ++stuck[exercise_label(e)];
        break;
      }
    }
  std::string most;
  int most_stuck = 0;
  for (const Exercise& e : all_exercises()) {
    const std::string label = exercise_label(e);
    int passed = 0, hints = 0;
    for (const Report& r : reports)
      if (const ReportEntry* mine = entry(r, label)) {
        passed += !mine->passed_at.empty();
        hints += mine->hints;
      }
    const int here = stuck[label];
    if (here > most_stuck) most_stuck = here, most = fmt::format("{} {}", label, e.name);
    const auto blank_if_zero = [](int n) { return n ? std::to_string(n) : std::string(); };
    std::string row = fmt::format("{:<5}{:<23}{:>8}{:>12}{:>8}", label, e.name,
                                  fmt::format("{}/{}", passed, reports.size()),
                                  blank_if_zero(here), blank_if_zero(hints));
    row.erase(row.find_last_not_of(' ') + 1);
    out += row + "\n";
  }
  out += "\n\"stuck here\" counts the students whose first exercise not yet passed, in book "
         "order, is this one.\n";
  if (most_stuck > 0)
    out += fmt::format("Most stuck: {} ({} of {}).\n", most, most_stuck, reports.size());
  return out;
}

}  // namespace

std::string class_table(const std::vector<Report>& reports) {
  // By class code in order of appearance; a student's second report replaces
  // the first when it has at least as many passes.
  std::vector<std::string> codes;
  std::map<std::string, std::vector<Report>> by_class;
  std::map<std::string, std::vector<std::string>> notes;
  for (const Report& r : reports) {
    if (!by_class.contains(r.class_code)) codes.push_back(r.class_code);
    std::vector<Report>& list = by_class[r.class_code];
    const auto same = std::find_if(list.begin(), list.end(), [&](const Report& other) {
      return student_key(other.student) == student_key(r.student);
    });
    if (same == list.end()) {
      list.push_back(r);
      continue;
    }
    notes[r.class_code].push_back(fmt::format(
        "{} handed in more than one line; the one with the most passes counts.", r.student));
    if (passes(r) >= passes(*same)) *same = r;
  }
  std::string out;
  for (const std::string& code : codes)
    out += (out.empty() ? "" : "\n") + one_class(code, by_class[code], notes[code]);
  return out;
}

}  // namespace bpw
