#include "cells.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

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

}  // namespace bpw::cells
