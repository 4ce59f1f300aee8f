// A student's name as a key: the worksheets' seeds and rosters and the class
// table of `exercise gather` take "Ada  Lovelace" and "ada lovelace" for one
// student.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace bpw {

// The name in lower case with each run of spaces as one space, none at the ends.
inline std::string student_key(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace bpw
