// The commands beyond checking: staged hints, the solution after a pass, the
// learner's hand-in line and the instructor's table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <bpw/exercises.hpp>

namespace workspace {

// Reveals the next hint (all of them once every one is out) and remembers it.
int hint(const bpw::Exercise& e);

// The workbook's solution, once the exercise has passed (or for an instructor).
int solution(const bpw::Exercise& e, bool instructor);

// The hand-in line; the class code and name are remembered once given.
int report(const std::optional<std::string>& class_code, const std::optional<std::string>& student);

// One table from the report lines in these files and folders.
int gather(const std::vector<std::string>& paths);

}  // namespace workspace
