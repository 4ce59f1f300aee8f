// The tracer's state and its writers, shared by trace.cpp (what is traced) and
// trace_writers.cpp (how each format prints it). Private to the library.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bpw/trace.hpp"
#include "json_rows.hpp"

namespace bpw {

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

namespace ansi {
constexpr const char* number = "\x1b[1;36m";
constexpr const char* equation = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* pass = "\x1b[32m";
constexpr const char* fail = "\x1b[1;31m";
constexpr const char* reset = "\x1b[0m";
}  // namespace ansi

struct Tracer::Impl {
  TraceOptions options;
  std::ostream* out = nullptr;
  int L = 3;
  std::vector<bool> bias;  // bias[l] for weight layer l
  bool columns = false;    // samples as columns: every matrix shown transposed
  bool brief = false;
  int failed = 0;

  LayerContext context(int l) const {
    const bool has_bias = l >= 1 && static_cast<std::size_t>(l) < bias.size() && bias[l];
    return {l, L, has_bias, columns};
  }

  const char* color(const char* code) const { return options.color ? code : ""; }
  const char* reset() const { return options.color ? ansi::reset : ""; }


  struct Rendered {
    std::string number, symbol, text, latex_symbol, latex;
  };

  Rendered rendered(Eq id, int l) const {
    const Equation& e = equation(id);
    const LayerContext at = context(l);
    return {std::string(e.number), render(e.symbol, Notation::unicode, at),
            render(text_of(e, columns), Notation::unicode, at),
            render(e.symbol, Notation::latex, at), render(latex_of(e, columns), Notation::latex, at)};
  }

  // The library computes with samples as rows; with samples as columns the same
  // numbers are shown transposed.
  Matrix shown(const Matrix& m) const { return columns ? transpose(m) : m; }

  // The factors of a product as shown: in the column layout (AB)ᵀ = BᵀAᵀ, so
  // their order reverses and each is transposed.
  std::vector<Shape> factor_shapes(Operands operands) const {
    std::vector<Shape> shapes;
    for (const Matrix& m : operands) shapes.push_back(shape_of(m));
    if (columns) {
      std::reverse(shapes.begin(), shapes.end());
      for (Shape& s : shapes) s = {s.cols, s.rows};
    }
    return shapes;
  }

  std::string shape_line(const Matrix& value, const std::vector<Shape>& factors) const {
    std::string line = "[" + to_string(shape_of(value)) + "]";
    if (!factors.empty()) {
      line += " =";
      const char* sep = " ";
      for (const Shape& f : factors) {
        line += sep + ("[" + to_string(f) + "]");
        sep = "·";
      }
    }
    return line;
  }

  // The derivation step of --explain, under the matrix it explains.
  void explain(Eq id) {
    const std::string why = explanation(id);
    switch (options.format) {
      case Format::text: *out << "       " << color(ansi::dim) << "why: " << why << reset() << "\n\n"; break;
      case Format::markdown: *out << "> *Why:* " << why << "\n\n"; break;
      case Format::latex: *out << "\\noindent\\emph{Why:} " << why << "\n\n"; break;
      case Format::json: break;
    }
  }

  void pause() {
    if (!options.step || brief || !isatty(STDIN_FILENO)) return;
    out->flush();
    std::cerr << "  ⏎ Enter for the next equation " << std::flush;
    std::string ignored;
    std::getline(std::cin, ignored);
    std::cerr << "\x1b[1A\x1b[2K" << std::flush;  // the prompt's line, cleared for the next equation
  }

  void matrix_text(const Rendered& r, const Matrix& value, const std::string& shapes,
                   const std::string& source);

  void matrix_markdown(const Rendered& r, const Matrix& value, const std::string& shapes,
                       const std::string& source);

  void matrix_latex(const Rendered& r, const Matrix& value, const std::string& shapes,
                    const std::string& source);

  // A table with named rows and columns, each column formatted on its own.
  void table_text(const Rendered& r, const TableCells& t, const std::vector<std::string>& row_names,
                  const std::vector<std::string>& column_names, const std::string& source);
  void table_markdown(const Rendered& r, const TableCells& t,
                      const std::vector<std::string>& row_names,
                      const std::vector<std::string>& column_names, const std::string& source);
  void table_latex(const Rendered& r, const TableCells& t, const std::vector<std::string>& row_names,
                   const std::vector<std::string>& column_names, const std::string& source);

  nlohmann::json record(const char* kind, Eq id, int l, const Rendered& r, const Matrix& value,
              const std::string& source) const {
    return {{"kind", kind},
            {"eq", r.number},
            {"id", std::string(equation(id).key)},
            {"symbol", r.symbol},
            {"text", r.text},
            {"latex", r.latex},
            {"layer", l},
            {"shape", {value.shape(0), value.shape(1)}},
            {"value", rows_of(value)},
            {"source", source},
            {"recap", brief}};
  }
};

}  // namespace bpw
