#include "bpw/concordance.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bpw/equations.hpp"
#include "cells.hpp"

namespace bpw {
namespace {

struct Forms {
  std::string number, rows, columns, index, code, rows_latex, columns_latex;
};

Forms forms_of(const Equation& e) {
  const auto general = [&](std::string_view tmpl, Notation n, bool columns) {
    return render_general(tmpl, n, e.layer_symbol, columns);
  };
  return {std::string(e.number),
          general(e.text, Notation::unicode, false),
          general(text_of(e, true), Notation::unicode, true),
          std::string(e.index_form),
          std::string(e.code_names),
          general(e.latex, Notation::latex, false),
          general(latex_of(e, true), Notation::latex, true)};
}

// A table cell in Markdown: a bar would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

void print_concordance(std::ostream& out, Format format, std::string_view page) {
  if (format == Format::markdown)
    out << "| eq. | samples as rows | samples as columns | index notation | in code |\n"
           "|---|---|---|---|---|\n";
  if (format == Format::latex)
    out << "\\begin{tabular}{lllll}\neq. & rows & columns & index & code \\\\ \\hline\n";
  for (const Equation& e : all_equations()) {
    if (e.number.empty() || (!page.empty() && e.page != page)) continue;
    const Forms f = forms_of(e);
    switch (format) {
      case Format::text:
        out << fmt::format("{:<7}", "(" + f.number + ")") << "rows:     " << f.rows << "\n       columns:  " << f.columns
            << "\n       index:    " << f.index << "\n       in code:  " << f.code << "\n\n";
        break;
      case Format::markdown:
        out << "| (" << f.number << ") | " << cell(f.rows) << " | " << cell(f.columns) << " | "
            << cell(f.index) << " | " << cell(f.code) << " |\n";
        break;
      case Format::latex:
        out << "(" << f.number << ") & $" << f.rows_latex << "$ & $" << f.columns_latex << "$ & "
            << cells::latex_escape(f.index) << " & \\texttt{" << cells::latex_escape(f.code)
            << "} \\\\\n";
        break;
      case Format::json:
        out << nlohmann::json{{"eq", f.number},       {"id", std::string(e.key)},
                              {"rows", f.rows},       {"columns", f.columns},
                              {"index", f.index},     {"code", f.code},
                              {"rows_latex", f.rows_latex}, {"columns_latex", f.columns_latex}}
                   .dump()
            << "\n";
        break;
    }
  }
  if (format == Format::latex) out << "\\end{tabular}\n";
}

}  // namespace bpw
