// Where an exercise's files live, how it is built, and what has passed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include <bpw/exercises.hpp>

namespace workspace {

namespace fs = std::filesystem;

// The learner's file, or the one given with --file.
struct Target {
  bpw::Exercise exercise;
  fs::path file;
  bool own_file = true;  // the chapter's own exercise file (its passes are recorded)
};

Target target_for(const bpw::Exercise& e, const std::optional<fs::path>& file);

// The file relative to the source tree when it lies inside it: what learners type.
std::string shown(const fs::path& file);

std::string read_text(const fs::path& file);
void write_text(const fs::path& file, const std::string& text);

// "# Chapter 3 · The output delta", without the "# ".
std::string chapter_heading(const bpw::Exercise& e);

// Builds and runs the check, with the hints revealed so far; prints what the
// learner needs to see. Returns 0 on a pass (recorded for the chapter's own
// file), 1 when not yet, 2 for a case that does not exist. `only_case` > 0
// runs that case alone, and a pass of one case is not recorded.
int check(const Target& target, int only_case = 0);

// The workbook's solution of an exercise, for `exercise solution`.
fs::path solution_file(const bpw::Exercise& e);

// Whether the file's present text is the text that last passed.
bool passed(const Target& target);

// Moves the learner's version aside into kept/ beside it and writes the starting
// text. Returns the path it was kept at, or nothing when the file was untouched.
std::optional<fs::path> reset(const Target& target);

}  // namespace workspace
