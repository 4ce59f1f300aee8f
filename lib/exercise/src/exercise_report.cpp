#include "bpw/exercise_report.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "bpw/exercises.hpp"

namespace bpw {
namespace {

constexpr std::string_view magic = "bpw-report 1";
constexpr std::string_view separator = " | ";

// FNV-1a of the line before its check, salted so that the check of an empty
// line is not the textbook constant.
std::string check_of(std::string_view body) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : std::string("backprop-workbook|") + std::string(body))
    h = (h ^ c) * 1099511628211ull;
  return fmt::format("{:016x}", h);
}

std::vector<std::string> split(std::string_view text, std::string_view by) {
  std::vector<std::string> parts;
  for (std::size_t at = 0;;) {
    const std::size_t end = text.find(by, at);
    parts.emplace_back(text.substr(at, end == std::string_view::npos ? end : end - at));
    if (end == std::string_view::npos) return parts;
    at = end + by.size();
  }
}

std::string after(const std::string& part, std::string_view prefix, std::string_view line) {
  if (!part.starts_with(prefix))
    throw ReportError(fmt::format("'{}' is not a report line: '{}' should start with '{}'", line,
                                  part, prefix));
  return part.substr(prefix.size());
}

ReportEntry entry_of(const std::string& text, std::string_view line) {
  const std::vector<std::string> words = split(text, " ");
  ReportEntry e;
  e.label = words.front();
  if (!exercise_labelled(e.label))
    throw ReportError(fmt::format("the report line '{}' names no exercise '{}'", line, e.label));
  std::size_t at = 1;
  if (at < words.size() && words[at] == "not")
    at += 2;  // "not passed"
  else if (at < words.size())
    e.passed_at = words[at++];
  if (at + 1 < words.size() && words[at] == "hints") {
    const std::string& n = words[at + 1];
    if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw ReportError(fmt::format("the report line '{}' has '{}' for a number of hints", line, n));
    e.hints = std::stoi(n);
  }
  return e;
}

}  // namespace

std::string report_line(const Report& report) {
  for (const std::string& part : {report.class_code, report.student})
    if (part.empty() || part.find('|') != std::string::npos)
      throw ReportError(fmt::format("'{}' cannot go into a report line: give a class code and a "
                                    "name without '|'", part));
  std::string entries;
  for (const ReportEntry& e : report.entries) {
    entries += (entries.empty() ? "" : ", ") + e.label + " ";
    entries += e.passed_at.empty() ? "not passed" : e.passed_at;
    if (e.hints > 0) entries += fmt::format(" hints {}", e.hints);
  }
  const std::string body =
      fmt::format("{}{}class {}{}student {}{}{}", magic, separator, report.class_code, separator,
                  report.student, separator, entries.empty() ? "nothing yet" : entries);
  return fmt::format("{}{}check {}", body, separator, check_of(body));
}

bool is_report_line(std::string_view line) { return line.starts_with(magic); }

Report parse_report_line(std::string_view line) {
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  const std::vector<std::string> parts = split(line, separator);
  if (parts.size() != 5 || parts[0] != magic)
    throw ReportError(fmt::format("'{}' is not a report line of this workbook; "
                                  "`exercise report` writes one", line));
  Report r{after(parts[1], "class ", line), after(parts[2], "student ", line), {}};
  const std::string check = after(parts[4], "check ", line);
  const std::string body(line.substr(0, line.size() - parts[4].size() - separator.size()));
  if (check != check_of(body))
    throw ReportError(fmt::format("the report line of {} (class {}) was changed after `exercise "
                                  "report` wrote it: its check does not match; ask for a new line",
                                  r.student, r.class_code));
  if (parts[3] != "nothing yet")
    for (const std::string& e : split(parts[3], ", ")) r.entries.push_back(entry_of(e, line));
  return r;
}

}  // namespace bpw
