#include "worksheets.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "bpw/chapter.hpp"
#include "bpw/equations.hpp"
#include "bpw/errors.hpp"
#include "bpw/files.hpp"
#include "bpw/student.hpp"

namespace bpw {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r"), last = text.find_last_not_of(" \t\r");
  return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// "ada-lovelace": the name in a file name, letters and digits kept.
std::string slug(std::string_view name) {
  std::string out;
  for (char c : student_key(name)) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "student" : out;
}

}  // namespace

std::uint64_t student_seed(std::string_view code, std::string_view name) {
  const std::string student = student_key(name);
  if (std::none_of(student.begin(), student.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
      }))
    throw UsageError(fmt::format("--student '{}': a name needs a letter or a digit, such as "
                                 "--student \"Ada Lovelace\"", name));
  std::uint64_t h = class_seed(code);
  for (unsigned char c : "\x1f" + student) h = (h ^ c) * 0x100000001b3ULL;  // FNV-1a on
  // SplitMix64's finaliser, so that names that differ in one letter seed far apart.
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

void add_sheet_options(CLI::App& app, SheetRequest& r) {
  CLI::Option* class_code = app.get_option("--class");
  app.add_flag("--worksheet", r.worksheet,
               "With latex or markdown: the trace with this chapter's results left blank");
  app.add_flag("--answers", r.answers, "The worksheet's answer key, its blanks filled in and marked");
  app.add_option("--blank", r.blank, "The equations a worksheet leaves blank, such as 3.2,3.4")
      ->delimiter(',');
  app.add_option("--student", r.student, "A student's own numbers, from the class code and the name")
      ->needs(class_code)
      ->transform(CLI::Validator(
          [](std::string& name) {  // spaces tidied, as on the roster
            std::string tidy;
            for (char c : trimmed(name))
              if (!std::isspace(static_cast<unsigned char>(c)) || (!tidy.empty() && tidy.back() != ' '))
                tidy += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
            name = tidy;
            return std::string();
          },
          "NAME"));
  app.add_option("--roster", r.roster, "Write a worksheet and a key for every name in this file")
      ->needs(class_code);
  app.add_option("--output-dir", r.output_dir, "Where --roster writes its files")->capture_default_str();
}

void prepare_sheets(const SheetRequest& r, TraceOptions& trace) {
  if (!r.blank.empty() && !r.documents())
    throw UsageError("--blank names what a worksheet leaves blank; add --worksheet (or --answers)");
  if (!r.documents()) return;
  if (trace.format != Format::latex && trace.format != Format::markdown)
    throw UsageError("a worksheet is written in latex or markdown; add --format latex or "
                     "--format markdown");
  for (const std::string& b : r.blank) {
    const bool known = equation_by_key(b).has_value() ||
                       std::any_of(all_equations().begin(), all_equations().end(),
                                   [&](const Equation& e) { return !e.number.empty() && e.number == b; });
    if (!known)
      throw UsageError(fmt::format("--blank {}: there is no equation {}; give numbers such as 3.2 "
                                   "or keys such as sse_gradient (the equation index lists them)",
                                   b, b));
  }
  trace.worksheet.on = true;
  trace.worksheet.answers = r.answers;
  trace.worksheet.blank = r.blank;
  trace.verbose = true;  // the earlier chapters' matrices in full: the sheet's givens
}

void check_blanks(const Tracer& tracer, const std::string& program) {
  const std::vector<std::string> missing = tracer.blanks_not_traced();
  if (missing.empty()) return;
  std::string shown;
  for (const std::string& n : tracer.traced_numbers()) shown += (shown.empty() ? "" : ", ") + n;
  throw UsageError(fmt::format("--blank {}: {} does not show this equation here; it shows {}",
                               missing.front(), program, shown));
}

std::vector<std::string> read_roster(const std::string& file) {
  std::ifstream in(file);
  if (!in)
    throw UsageError(fmt::format("cannot read the roster '{}': {}; check the path", file,
                                 std::strerror(errno)));
  std::vector<std::string> names;
  std::map<std::string, int> line_of;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const std::string name = trimmed(line);
    if (name.empty() || name.front() == '#') continue;
    const auto [seen, fresh] = line_of.emplace(student_key(name), number);
    if (!fresh)
      throw UsageError(fmt::format("the roster '{}' names '{}' twice (lines {} and {}); give each "
                                   "student a name of their own", file, name, seen->second, number));
    names.push_back(name);
  }
  if (names.empty())
    throw UsageError(fmt::format("the roster '{}' names no students; write one name per line", file));
  return names;
}

int write_roster(const SheetRequest& r, const std::string& program, const std::string& class_code,
                 Format format, const std::function<std::string(const std::string&, bool)>& sheet) {
  std::vector<std::string> students = read_roster(r.roster);
  if (!r.student.empty()) {
    const auto found = std::find_if(students.begin(), students.end(), [&](const std::string& s) {
      return student_key(s) == student_key(r.student);
    });
    if (found == students.end())
      throw UsageError(fmt::format("'{}' is not on the roster '{}'; check the spelling, or add the "
                                   "name to the roster", r.student, r.roster));
    students = {*found};
  }
  std::error_code failed;
  std::filesystem::create_directories(r.output_dir, failed);
  const std::string extension = format == Format::latex ? ".tex" : ".md";
  for (const std::string& student : students) {
    const std::string stem =
        (std::filesystem::path(r.output_dir) / fmt::format("{}-{}-{}", program, class_code, slug(student))).string();
    write_text_file(stem + extension, sheet(student, false));
    write_text_file(stem + "-key" + extension, sheet(student, true));
    std::cout << fmt::format("{}: {}{} and {}-key{}\n", student, stem, extension, stem, extension);
  }
  std::cout << fmt::format("{} worksheet{} and {} answer key{} for class {} in {}\n",
                           students.size(), students.size() == 1 ? "" : "s", students.size(),
                           students.size() == 1 ? "" : "s", class_code, r.output_dir);
  return 0;
}

}  // namespace bpw
