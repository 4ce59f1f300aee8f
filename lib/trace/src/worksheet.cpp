#include "worksheet.hpp"

#include <fmt/format.h>

#include "cells.hpp"

namespace bpw::worksheet {
namespace {

bool is_number(const std::string& cell) {
  return cell.find_first_of("0123456789") != std::string::npos;
}

std::string trimmed(const std::string& cell) {
  const auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
  return first == std::string::npos ? std::string() : cell.substr(first, last - first + 1);
}

}  // namespace

void fill(std::vector<std::vector<std::string>>& cells, const Worksheet& w, Format format) {
  const bool latex = format == Format::latex;
  for (auto& row : cells)
    for (std::string& cell : row) {
      if (!is_number(cell)) continue;
      if (!w.answers)
        cell = latex ? "\\blank" : "\\_\\_\\_\\_\\_\\_";
      else
        cell = latex ? "\\answer{" + trimmed(cell) + "}" : "**" + trimmed(cell) + "**";
    }
}

std::string intro(const Worksheet& w, Format format) {
  if (!w.on) return {};
  // A name as it is written (pdflatex reads UTF-8 text), only TeX's special
  // characters escaped: latex_text would read an accented word as a formula.
  const std::string who_latex = fmt::format(
      "\\noindent Class: {} \\hfill Name: {}\\\\[2ex]\n",
      w.class_code.empty() ? "\\underline{\\hspace{6em}}" : cells::latex_escape(w.class_code),
      w.student.empty() ? "\\underline{\\hspace{14em}}" : cells::latex_escape(w.student));
  const std::string who_markdown =
      fmt::format("**Class:** {} · **Name:** {}\n\n", w.class_code.empty() ? "……" : w.class_code,
                  w.student.empty() ? "……………………" : w.student);
  const std::string task =
      w.answers ? "Answer key: the marked values are the ones the worksheet leaves blank."
                : "Work out each blank matrix by hand from the matrices before it, with the "
                  "equation beside it, to the places the others show.";
  if (format == Format::latex)
    return "\\newcommand{\\blank}{\\underline{\\hspace{3.2em}}}\n"
           "\\newcommand{\\answer}[1]{\\boxed{#1}}\n"
           "\\renewcommand{\\arraystretch}{1.7}  % room to write in each blank\n" +
           who_latex + task + "\n\n";
  return who_markdown + task + "\n\n";
}

}  // namespace bpw::worksheet
