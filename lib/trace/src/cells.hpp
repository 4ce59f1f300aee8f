// Numbers as the trace prints them: aligned columns, fixed or scientific.
// Private to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bpw/matrix.hpp"
#include "bpw/text_fit.hpp"

namespace bpw::cells {

// Fixed notation when every non-zero value reads well with `precision` digits
// after the point; scientific otherwise (gradient-check errors of 1e-11, say).
bool needs_scientific(const Matrix& m);

std::string format_number(double v, int precision, bool scientific);

// A number as a person writes it in a message: 0.01, 1.5, 2.
std::string plain(double v);

// The values as strings, padded so that every column lines up.
std::vector<std::vector<std::string>> aligned(const Matrix& m, int precision);

// A matrix laid out for reading: its cells aligned by column, and when it has
// more than 12 rows or 10 columns (and `full` is false) only the first and last
// few, with ⋮ and ⋯ between them. The labels are the 1-based row and column
// numbers of what is shown, "⋮" or "⋯" for the gaps.
struct Grid {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> row_labels, column_labels;
};
Grid grid(const Matrix& m, int precision, bool full);

// LaTeX in plain ASCII, so that a handout compiles with any engine (pdflatex,
// lualatex, xelatex) and no font can lack a glyph. Text that holds Unicode
// symbols (ŷ, ∂, λ, W⁽²⁾, ⋮) becomes TeX commands (\hat{y}, \partial, \lambda,
// W^{(2)}, \vdots). A character with no TeX form is kept as it is, so that a
// test of the output finds it rather than a page that silently lacks it.
//
// latex_escape: LaTeX's special characters escaped, nothing else changed (paths).
// latex_math: a formula for math mode; TeX already in it is kept.
// latex_text: running text; symbols and scientific numbers go in $…$, command-line
//   flags in \texttt (so that --verbose keeps both hyphens), dashes and quotes
//   become TeX's.
// latex_number: a formatted number for math mode: "1.5534e-02" → "1.5534 \times 10^{-2}".
std::string latex_escape(std::string_view text);
std::string latex_math(std::string_view unicode);
std::string latex_text(std::string_view text);
std::string latex_number(std::string_view formatted);

// A table's cells, each column formatted on its own, because a table's columns
// are read side by side: fixed columns with four more digits than a matrix, so
// that agreement to many places shows; scientific columns (errors of 1e-11) with
// two fewer.
struct TableCells {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> width;
  std::size_t name_width = 0;
};
TableCells table_cells(const Matrix& rows, const std::vector<std::string>& row_names,
                       const std::vector<std::string>& column_names, int precision);

}  // namespace bpw::cells
