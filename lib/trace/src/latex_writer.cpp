// The trace as LaTeX, for slides and printed handouts. Everything it writes is
// plain ASCII (cells::latex_text, latex_math), so a handout compiles with
// pdflatex from Debian's texlive-latex-base, and with lualatex or xelatex too.
#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "bpw/table.hpp"
#include "cells.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

// What a matrix may take of the line, in points: the text block of an A4 page
// with 18 mm margins is 495 pt, less the symbol and "=" before the matrix.
constexpr double matrix_budget = 390;

// How wide a cell sets in 10 pt math, roughly: 5 pt a digit, 12 pt for
// "\times", superscripts smaller, 10 pt of column separation.
double cell_width(const std::string& tex) {
  double width = 10;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    if (tex.compare(i, 6, "\\times") == 0) {
      width += 12;
      i += 5;
    } else if (tex.compare(i, 2, "^{") == 0) {
      const std::size_t end = tex.find('}', i);
      width += 3.5 * static_cast<double>(end - i - 2);
      i = end;
    } else if (tex[i] == '\\') {  // \vdots, \cdots
      width += 10;
      while (i + 1 < tex.size() && std::isalpha(static_cast<unsigned char>(tex[i + 1]))) ++i;
    } else if (tex[i] == '-') {
      width += 7.8;
    } else if (tex[i] != ' ') {
      width += tex[i] == '.' ? 2.8 : 5;
    }
  }
  return width;
}

// The shown columns split into blocks that each fit the line: [first, last).
std::vector<std::pair<std::size_t, std::size_t>> column_blocks(
    const std::vector<std::vector<std::string>>& cells) {
  const std::size_t columns = cells.empty() ? 0 : cells[0].size();
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  std::size_t first = 0;
  double used = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    double width = 0;
    for (const auto& line : cells) width = std::max(width, cell_width(line[c]));
    if (c > first && used + width > matrix_budget) {
      blocks.emplace_back(first, c);
      first = c;
      used = 0;
    }
    used += width;
  }
  blocks.emplace_back(first, columns);
  if (blocks.size() > 1) {  // as even as the budget allows: 5 and 5, not 8 and 2
    const std::size_t per = (columns + blocks.size() - 1) / blocks.size();
    blocks.clear();
    for (std::size_t c = 0; c < columns; c += per) blocks.emplace_back(c, std::min(columns, c + per));
  }
  return blocks;
}

std::string shapes_tex(std::string shapes) {
  for (auto [from, to] : {std::pair{"×", "\\times "}, std::pair{"·", "\\cdot"}})
    for (std::size_t at; (at = shapes.find(from)) != std::string::npos;)
      shapes.replace(at, std::string_view(from).size(), to);
  return shapes;
}

class LatexWriter final : public Writer {
 public:
  LatexWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view title) override {
    standalone_ = true;
    out_ << "% A handout from the Backprop Workbook, in plain ASCII LaTeX: compile it with\n"
            "% pdflatex (Debian's texlive-latex-base), or with lualatex or xelatex.\n"
            "\\documentclass[10pt,a4paper]{article}\n\\usepackage{amsmath,amssymb}\n"
            "\\usepackage[a4paper,margin=18mm]{geometry}\n\\usepackage{longtable}\n"
            "\\setcounter{MaxMatrixCols}{20}\n"
            "\\setlength{\\parindent}{0pt}\n\\setlength{\\emergencystretch}{3em}\n\\title{Backprop Workbook\\\\ "
         << cells::latex_text(title) << "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n";
  }
  void end_document() override { out_ << "\\end{document}\n"; }

  void heading(std::string_view title) override {
    out_ << "\\subsection*{" << cells::latex_text(title) << "}\n\n";
  }
  void note(std::string_view text) override { out_ << cells::latex_text(text) << "\n\n"; }

  void matrix(const MatrixRecord& r) override {
    const std::string label = label_of(r.eq);
    const std::string eq = cells::latex_math(r.eq.latex), symbol = cells::latex_math(r.eq.latex_symbol);
    if (r.brief) {
      out_ << "\\noindent " << label << " $" << eq << "$ \\quad $[" << r.value.shape(0)
           << "\\times " << r.value.shape(1) << "]$\\\\\n";
      return;
    }
    out_ << "\\paragraph{" << label << "} $" << eq << "$ \\quad $"
         << shapes_tex(shape_line(r.value, r.factors)) << "$";
    if (!r.source.empty())
      out_ << " \\hfill {\\small\\texttt{" << cells::latex_escape(r.source) << "}}";
    out_ << "\n";
    const cells::Grid grid = cells::grid(r.value, options_.precision, options_.full);
    std::vector<std::vector<std::string>> tex(grid.cells.size());
    for (std::size_t i = 0; i < grid.cells.size(); ++i)
      for (const std::string& cell : grid.cells[i])
        tex[i].push_back(cell.find("⋮") != std::string::npos   ? "\\vdots"
                         : cell.find("⋯") != std::string::npos ? "\\cdots"
                                                               : cells::latex_number(cell));
    // A matrix wider than the line is set in blocks of columns, each headed by
    // the numbers of the columns it holds.
    const auto blocks = column_blocks(tex);
    for (const auto& [first, last] : blocks) {
      out_ << "\\[ ";
      if (first == 0) out_ << symbol << " = ";
      if (blocks.size() > 1)
        out_ << "\\overset{\\text{columns " << grid.column_labels[first] << "--"
             << grid.column_labels[last - 1] << " of " << r.value.shape(1) << "}}{";
      out_ << "\\begin{bmatrix}\n";
      for (std::size_t i = 0; i < tex.size(); ++i) {
        out_ << "  ";
        for (std::size_t c = first; c < last; ++c) out_ << (c > first ? " & " : "") << tex[i][c];
        out_ << (i + 1 < tex.size() ? " \\\\\n" : "\n");
      }
      out_ << "\\end{bmatrix}" << (blocks.size() > 1 ? "}" : "") << " \\]\n";
    }
    out_ << "\n";
    if (!r.explanation.empty())
      out_ << "\\noindent\\emph{Why:} " << cells::latex_text(r.explanation) << "\n\n";
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    const auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                      options_.precision);
    // A handout's table may run over a page; a slide's cannot, and beamer has no longtable.
    const char* environment = standalone_ ? "longtable" : "tabular";
    out_ << "\\paragraph{" << label_of(r.eq) << "} $" << cells::latex_math(r.eq.latex)
         << "$ \\hfill {\\small\\texttt{" << cells::latex_escape(r.source)
         << "}}\n{\\small\\begin{" << environment << "}{l" << std::string(table.columns().size(), 'r')
         << "}\n";
    for (const auto& name : table.columns()) out_ << " & " << cells::latex_text(name);
    out_ << " \\\\ \\hline\n" << (standalone_ ? "\\endhead\n" : "");
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      out_ << cells::latex_text(table.row_names()[i]);
      for (const auto& value : t.cells[i]) out_ << " & $" << cells::latex_number(value) << "$";
      out_ << " \\\\\n";
    }
    out_ << "\\end{" << environment << "}}\n\n";
  }

  void check(const CheckRecord& r) override {
    out_ << "\\noindent " << (r.passed ? "Check passed: " : "Check FAILED: ") << "$"
         << cells::latex_math(r.eq.latex_symbol) << "$ (" << r.eq.number << ") "
         << cells::latex_text(r.message) << "\n\n";
  }

  void chain(const ChainRecord& r) override {
    const std::vector<std::string> lines = chain_lines(r, options_.precision);
    out_ << "\\paragraph{} " << cells::latex_text(lines.front()) << "\n\\begin{itemize}\n";
    for (std::size_t i = 1; i < lines.size(); ++i) out_ << "\\item " << cells::latex_text(lines[i]) << "\n";
    out_ << "\\end{itemize}\n\n";
  }

  void end_recap() override {
    if (!options_.verbose) out_ << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    out_ << "\\begin{tabular}{lp{0.2\\textwidth}p{0.2\\textwidth}p{0.22\\textwidth}"
            "p{0.22\\textwidth}}\neq. & rows & columns & index & code \\\\ \\hline\n";
    for (const ConcordanceRow& row : rows)
      out_ << "(" << row.eq.number << ") & $" << cells::latex_math(row.rows_latex) << "$ & $"
           << cells::latex_math(row.columns_latex) << "$ & " << cells::latex_text(row.eq.index_form)
           << " & \\texttt{" << cells::latex_text(row.eq.code_names) << "} \\\\\n";
    out_ << "\\end{tabular}\n";
  }

 private:
  TraceOptions options_;
  std::ostream& out_;
  bool standalone_ = false;
};

}  // namespace

std::unique_ptr<Writer> latex_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<LatexWriter>(options, out);
}

}  // namespace bpw
