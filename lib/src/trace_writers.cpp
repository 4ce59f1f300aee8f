#include <algorithm>

#include <xtensor/xview.hpp>

#include "cells.hpp"
#include "trace_impl.hpp"

namespace bpw {
namespace {

}  // namespace

TableCells table_cells(const Matrix& rows, const std::vector<std::string>& row_names,
                       const std::vector<std::string>& column_names, int precision) {
  TableCells t{std::vector<std::vector<std::string>>(rows.shape(0)), {}, 0};
  for (std::size_t c = 0; c < rows.shape(1); ++c) {
    const Matrix column = xt::view(rows, xt::all(), xt::range(c, c + 1));
    const int digits = cells::needs_scientific(column) ? std::max(1, precision - 2) : precision + 4;
    const auto formatted = cells::aligned(column, digits);
    t.width.push_back(std::max(formatted.empty() ? 0 : formatted[0][0].size(), column_names[c].size()));
    for (std::size_t i = 0; i < formatted.size(); ++i) t.cells[i].push_back(formatted[i][0]);
  }
  for (const auto& name : row_names) t.name_width = std::max(t.name_width, cells::display_width(name));
  return t;
}

void Tracer::Impl::matrix_text(const Rendered& r, const Matrix& value, const std::string& shapes,
                 const std::string& source) {
  const std::string label = r.number.empty() ? "given" : "(" + r.number + ")";
  std::ostream& o = *out;
  if (brief) {
    o << "  " << color(ansi::number) << fmt::format("{:<7}", label) << reset() << r.text << "  "
      << color(ansi::dim) << "[" << to_string(shape_of(value)) << "]" << reset() << "\n";
    return;
  }
  o << color(ansi::number) << fmt::format("{:<7}", label) << reset() << color(ansi::equation)
    << r.text << reset() << "\n";
  o << "       " << color(ansi::dim) << shapes << "   at " << source << reset() << "\n";
  const auto cells = cells::grid(value, options.precision, options.full).cells;
  const std::size_t rows = cells.size();
  for (std::size_t i = 0; i < rows; ++i) {
    const char* left = rows == 1 ? "[" : i == 0 ? "⎡" : i + 1 == rows ? "⎣" : "⎢";
    const char* right = rows == 1 ? "]" : i == 0 ? "⎤" : i + 1 == rows ? "⎦" : "⎥";
    o << "       " << left << " ";
    for (std::size_t c = 0; c < cells[i].size(); ++c) o << (c ? "  " : "") << cells[i][c];
    o << " " << right << "\n";
  }
  o << "\n";
}

void Tracer::Impl::matrix_markdown(const Rendered& r, const Matrix& value, const std::string& shapes,
                     const std::string& source) {
  const std::string label = r.number.empty() ? "given" : "(" + r.number + ")";
  std::ostream& o = *out;
  if (brief) {
    o << "- **" << label << "** " << r.text << " · `[" << to_string(shape_of(value)) << "]`\n";
    return;
  }
  o << "**" << label << "** " << r.text << " · `" << shapes << "` · `" << source << "`\n\n";
  const cells::Grid g = cells::grid(value, options.precision, options.full);
  o << "| " << r.symbol << " |";
  for (const std::string& label : g.column_labels) o << " " << label << " |";
  o << "\n|--:|";
  for (std::size_t c = 0; c < g.column_labels.size(); ++c) o << "--:|";
  o << "\n";
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    o << "| " << g.row_labels[i] << " |";
    for (const std::string& cell : g.cells[i]) o << " " << cell << " |";
    o << "\n";
  }
  o << "\n";
}

void Tracer::Impl::matrix_latex(const Rendered& r, const Matrix& value, const std::string& shapes,
                  const std::string& source) {
  const std::string label = r.number.empty() ? "given" : "(" + r.number + ")";
  std::string latex_shapes = shapes;
  for (auto [from, to] : {std::pair{"×", "\\times "}, std::pair{"·", "\\cdot"}}) {
    for (std::size_t at; (at = latex_shapes.find(from)) != std::string::npos;)
      latex_shapes.replace(at, std::string_view(from).size(), to);
  }
  std::ostream& o = *out;
  if (brief) {
    o << "\\noindent " << label << " $" << r.latex << "$ \\quad $[" << value.shape(0)
      << "\\times " << value.shape(1) << "]$\\\\\n";
    return;
  }
  o << "\\paragraph{" << label << "} $" << r.latex << "$ \\quad $" << latex_shapes
    << "$ \\hfill {\\small\\texttt{" << cells::latex_escape(source) << "}}\n";
  o << "\\[ " << r.latex_symbol << " = \\begin{bmatrix}\n";
  auto cells = cells::grid(value, options.precision, options.full).cells;
  for (auto& line : cells)
    for (std::string& cell : line) {
      if (cell.find("⋮") != std::string::npos) cell = "\\vdots";
      if (cell.find("⋯") != std::string::npos) cell = "\\cdots";
    }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    o << "  ";
    for (std::size_t c = 0; c < cells[i].size(); ++c) o << (c ? " & " : "") << cells[i][c];
    o << (i + 1 < cells.size() ? " \\\\\n" : "\n");
  }
  o << "\\end{bmatrix} \\]\n\n";
}

void Tracer::Impl::table_text(const Rendered& r, const TableCells& t,
                               const std::vector<std::string>& row_names,
                               const std::vector<std::string>& column_names,
                               const std::string& source) {
  const std::string label = "(" + r.number + ")";
  std::ostream& o = *out;
  o << color(ansi::number) << fmt::format("{:<7}", label) << reset() << color(ansi::equation)
    << r.text << reset() << "\n       " << color(ansi::dim) << "at " << source << reset()
    << "\n       " << std::string(t.name_width, ' ');
  for (std::size_t c = 0; c < t.width.size(); ++c) o << "  " << fmt::format("{:>{}}", column_names[c], t.width[c]);
  o << "\n";
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    o << "       " << row_names[i] << std::string(t.name_width - cells::display_width(row_names[i]), ' ');
    for (std::size_t c = 0; c < t.cells[i].size(); ++c) o << "  " << fmt::format("{:>{}}", t.cells[i][c], t.width[c]);
    o << "\n";
  }
  o << "\n";
}

void Tracer::Impl::table_markdown(const Rendered& r, const TableCells& t,
                               const std::vector<std::string>& row_names,
                               const std::vector<std::string>& column_names,
                               const std::string& source) {
  const std::string label = "(" + r.number + ")";
  std::ostream& o = *out;
  o << "**" << label << "** " << r.text << " · `" << source << "`\n\n| |";
  for (const auto& name : column_names) o << " " << name << " |";
  o << "\n|---|";
  for (std::size_t c = 0; c < column_names.size(); ++c) o << "--:|";
  o << "\n";
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    o << "| " << row_names[i] << " |";
    for (const auto& cell : t.cells[i]) o << " " << cell << " |";
    o << "\n";
  }
  o << "\n";
}

void Tracer::Impl::table_latex(const Rendered& r, const TableCells& t,
                               const std::vector<std::string>& row_names,
                               const std::vector<std::string>& column_names,
                               const std::string& source) {
  const std::string label = "(" + r.number + ")";
  std::ostream& o = *out;
  o << "\\paragraph{" << label << "} $" << r.latex << "$ \\hfill {\\small\\texttt{"
    << cells::latex_escape(source) << "}}\n\\begin{tabular}{l" << std::string(column_names.size(), 'r')
    << "}\n";
  for (const auto& name : column_names) o << " & " << cells::latex_escape(name);
  o << " \\\\ \\hline\n";
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    o << cells::latex_escape(row_names[i]);
    for (const auto& cell : t.cells[i]) o << " & " << cell;
    o << " \\\\\n";
  }
  o << "\\end{tabular}\n\n";
}

}  // namespace bpw
