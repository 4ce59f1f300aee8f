// Worksheets for a class: a chapter's trace with chosen values blank, its
// answer key, each student's own numbers from the class code and the name, and
// a roster's sheets and keys written at once. Private to bpw_chapter; the
// Chapter runner declares these options and calls these functions.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bpw/trace.hpp"

namespace bpw {

struct SheetRequest {
  bool worksheet = false;          // --worksheet
  bool answers = false;            // --answers: the key
  std::vector<std::string> blank;  // --blank 3.2,3.4 or keys
  std::string student;             // --student NAME (with --class)
  std::string roster;              // --roster FILE: every student's sheet and key
  std::string output_dir = ".";    // --output-dir DIR, for the roster's files
  bool documents() const { return worksheet || answers || !roster.empty(); }
};

// --worksheet, --answers, --blank, --student, --roster and --output-dir; the
// app must have --class already.
void add_sheet_options(CLI::App& app, SheetRequest& request);

// Checks the flags together and sets the trace's worksheet options; throws
// UsageError (one line) for a combination that cannot work.
void prepare_sheets(const SheetRequest& request, TraceOptions& trace);

// After a chapter ran: a --blank entry it never traced is a UsageError that
// lists the equations it does trace.
void check_blanks(const Tracer& tracer, const std::string& program);

// The students of a roster file, one name per line; blank lines and lines
// starting with # are skipped. UsageError for an unreadable or empty roster
// and for a name given twice.
std::vector<std::string> read_roster(const std::string& file);

// Writes a sheet and a key for every student of the roster (or only for
// --student, who must be on it) into the output folder, each made by
// `sheet(student, answers)`, and says what it wrote. Returns 0.
int write_roster(const SheetRequest& request, const std::string& program,
                 const std::string& class_code, Format format,
                 const std::function<std::string(const std::string&, bool)>& sheet);

}  // namespace bpw
