#include "cells.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <xtensor/xview.hpp>

namespace bpw::cells {

bool needs_scientific(const Matrix& m) {
  for (double v : m) {
    const double size = std::abs(v);
    if (v != 0.0 && (size < 1e-3 || size >= 1e6)) return true;
    if (!std::isfinite(v)) return false;
  }
  return false;
}

std::string format_number(double v, int precision, bool scientific) {
  if (v == 0.0) v = 0.0;  // no "-0.0000"
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return scientific ? fmt::format("{:.{}e}", v, precision) : fmt::format("{:.{}f}", v, precision);
}

std::vector<std::vector<std::string>> aligned(const Matrix& m, int precision) {
  const bool scientific = needs_scientific(m);
  std::vector<std::vector<std::string>> cells(m.shape(0));
  std::vector<std::size_t> width(m.shape(1), 0);
  for (std::size_t r = 0; r < m.shape(0); ++r)
    for (std::size_t c = 0; c < m.shape(1); ++c) {
      cells[r].push_back(format_number(m(r, c), precision, scientific));
      width[c] = std::max(width[c], cells[r][c].size());
    }
  for (auto& row : cells)
    for (std::size_t c = 0; c < row.size(); ++c)
      row[c] = std::string(width[c] - row[c].size(), ' ') + row[c];
  return cells;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

std::string latex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '_' || c == '%' || c == '&' || c == '#' || c == '$' || c == '{' || c == '}')
      out += '\\';
    out += c;
  }
  return out;
}

namespace {

// The indices shown out of n: all of them, or the first and last `keep`, with
// npos standing for the gap between.
std::vector<std::size_t> shown(std::size_t n, std::size_t limit, std::size_t keep, bool full) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!full && n > limit && i == keep) {
      out.push_back(std::string::npos);
      i = n - keep - 1;
      continue;
    }
    out.push_back(i);
  }
  return out;
}

}  // namespace

Grid grid(const Matrix& m, int precision, bool full) {
  const bool scientific = needs_scientific(m);
  const auto rows = shown(m.shape(0), 12, 5, full), cols = shown(m.shape(1), 10, 4, full);
  Grid g;
  std::vector<std::size_t> width(cols.size(), 1);
  for (std::size_t r : rows) {
    g.row_labels.push_back(r == std::string::npos ? "⋮" : std::to_string(r + 1));
    std::vector<std::string> line;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (cols[c] == std::string::npos) line.push_back("⋯");
      else if (r == std::string::npos) line.push_back("⋮");
      else line.push_back(format_number(m(r, cols[c]), precision, scientific));
      width[c] = std::max(width[c], display_width(line.back()));
    }
    g.cells.push_back(std::move(line));
  }
  for (std::size_t c : cols) g.column_labels.push_back(c == std::string::npos ? "⋯" : std::to_string(c + 1));
  for (auto& line : g.cells)
    for (std::size_t c = 0; c < line.size(); ++c)
      line[c] = std::string(width[c] - display_width(line[c]), ' ') + line[c];
  return g;
}

std::string plain(double v) { return fmt::format("{}", v); }

TableCells table_cells(const Matrix& rows, const std::vector<std::string>& row_names,
                       const std::vector<std::string>& column_names, int precision) {
  TableCells t{std::vector<std::vector<std::string>>(rows.shape(0)), {}, 0};
  for (std::size_t c = 0; c < rows.shape(1); ++c) {
    const Matrix column = xt::view(rows, xt::all(), xt::range(c, c + 1));
    const int digits = needs_scientific(column) ? std::max(1, precision - 2) : precision + 4;
    const auto formatted = aligned(column, digits);
    t.width.push_back(std::max(formatted.empty() ? 0 : formatted[0][0].size(), column_names[c].size()));
    for (std::size_t i = 0; i < formatted.size(); ++i) t.cells[i].push_back(formatted[i][0]);
  }
  for (const auto& name : row_names) t.name_width = std::max(t.name_width, display_width(name));
  return t;
}

}  // namespace bpw::cells
