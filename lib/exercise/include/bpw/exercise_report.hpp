// A learner's progress as one line to hand in (`exercise report`), and a
// class's lines gathered into one table for the instructor (`exercise gather`).
//
//   bpw-report 1 | class K7Q | student Ada Lovelace | 1-A 2025-03-04T10:15Z,
//     3-A not passed hints 2 | check 5e1c0a9f2b7d4c31          (on one line)
//
// The check is a checksum of the rest of the line, so that a line edited by
// hand is noticed. It is an honesty aid, not a lock: anyone who reads this
// source can compute it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bpw {

struct ReportEntry {
  std::string label;      // "3-A"
  std::string passed_at;  // "2025-03-04T10:15Z", the first pass; empty when not passed yet
  int hints = 0;          // hints revealed
};

struct Report {
  std::string class_code, student;
  std::vector<ReportEntry> entries;  // in book order: every exercise passed or hinted at
};

// A report line, or a class table, that cannot be used: one sentence.
struct ReportError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// The line with its check. Throws ReportError for a name that a line cannot
// hold (empty, or with a '|').
std::string report_line(const Report& report);

bool is_report_line(std::string_view line);

// Reads a line written by report_line; throws ReportError when it is not one,
// names an exercise that does not exist, or was edited (its check differs).
Report parse_report_line(std::string_view line);

// The instructor's table, one per class code: for every exercise in book
// order, how many students passed it, how many are stuck at it (their first
// exercise not passed), and how many hints they asked for.
std::string class_table(const std::vector<Report>& reports);

}  // namespace bpw
