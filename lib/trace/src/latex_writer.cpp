// The trace as LaTeX, for slides and printed handouts.
#include <ostream>
#include <utility>

#include "bpw/table.hpp"
#include "cells.hpp"
#include "worksheet.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

class LatexWriter final : public Writer {
 public:
  LatexWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view title) override {
    out_ << "% A handout from the Backprop Workbook. Compile with lualatex (Unicode symbols).\n"
            "\\documentclass[10pt]{article}\n\\usepackage{amsmath,amssymb}\n"
            "\\usepackage{fontspec}\n\\usepackage{unicode-math}\n"
            "\\usepackage[a4paper,margin=18mm]{geometry}\n"
            "\\setlength{\\parindent}{0pt}\n\\title{Backprop Workbook\\\\ "
         << title << "}\n\\date{}\n\\begin{document}\n\\maketitle\n\n"
         << worksheet::intro(options_.worksheet, Format::latex);
  }
  void end_document() override { out_ << "\\end{document}\n"; }

  void heading(std::string_view title) override {
    out_ << "\\subsection*{" << cells::latex_escape(title) << "}\n\n";
  }
  void note(std::string_view text) override { out_ << cells::latex_escape(text) << "\n\n"; }

  void matrix(const MatrixRecord& r) override {
    const std::string label = label_of(r.eq);
    if (r.brief) {
      out_ << "\\noindent " << label << " $" << r.eq.latex << "$ \\quad $[" << r.value.shape(0)
           << "\\times " << r.value.shape(1) << "]$\\\\\n";
      return;
    }
    std::string shapes = shape_line(r.value, r.factors);
    for (auto [from, to] : {std::pair{"×", "\\times "}, std::pair{"·", "\\cdot"}})
      for (std::size_t at; (at = shapes.find(from)) != std::string::npos;)
        shapes.replace(at, std::string_view(from).size(), to);
    out_ << "\\paragraph{" << label << "} $" << r.eq.latex << "$ \\quad $" << shapes
         << "$ \\hfill {\\small\\texttt{" << cells::latex_escape(r.source) << "}}\n";
    out_ << "\\[ " << r.eq.latex_symbol << " = \\begin{bmatrix}\n";
    auto cells = cells::grid(r.value, options_.precision, options_.full).cells;
    if (r.blank) worksheet::fill(cells, options_.worksheet, Format::latex);
    for (auto& line : cells)
      for (std::string& cell : line) {
        if (cell.find("⋮") != std::string::npos) cell = "\\vdots";
        if (cell.find("⋯") != std::string::npos) cell = "\\cdots";
      }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out_ << "  ";
      for (std::size_t c = 0; c < cells[i].size(); ++c) out_ << (c ? " & " : "") << cells[i][c];
      out_ << (i + 1 < cells.size() ? " \\\\\n" : "\n");
    }
    out_ << "\\end{bmatrix} \\]\n\n";
    if (!r.explanation.empty()) out_ << "\\noindent\\emph{Why:} " << r.explanation << "\n\n";
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                options_.precision);
    if (r.blank) worksheet::fill(t.cells, options_.worksheet, Format::latex);
    out_ << "\\paragraph{" << label_of(r.eq) << "} $" << r.eq.latex << "$ \\hfill {\\small\\texttt{"
         << cells::latex_escape(r.source) << "}}\n\\begin{tabular}{l"
         << std::string(table.columns().size(), 'r') << "}\n";
    for (const auto& name : table.columns()) out_ << " & " << cells::latex_escape(name);
    out_ << " \\\\ \\hline\n";
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      out_ << cells::latex_escape(table.row_names()[i]);
      for (const auto& value : t.cells[i]) out_ << " & " << value;
      out_ << " \\\\\n";
    }
    out_ << "\\end{tabular}\n\n";
  }

  void check(const CheckRecord& r) override {
    out_ << "\\noindent " << (r.passed ? "Check passed: " : "Check FAILED: ") << "$"
         << r.eq.latex_symbol << "$ (" << r.eq.number << ") " << cells::latex_escape(r.message)
         << "\n\n";
  }

  void end_recap() override {
    if (!options_.verbose) out_ << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    out_ << "\\begin{tabular}{lllll}\neq. & rows & columns & index & code \\\\ \\hline\n";
    for (const ConcordanceRow& row : rows)
      out_ << "(" << row.eq.number << ") & $" << row.rows_latex << "$ & $" << row.columns_latex
           << "$ & " << cells::latex_escape(row.eq.index_form) << " & \\texttt{"
           << cells::latex_escape(row.eq.code_names) << "} \\\\\n";
    out_ << "\\end{tabular}\n";
  }

 private:
  TraceOptions options_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> latex_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<LatexWriter>(options, out);
}

}  // namespace bpw
