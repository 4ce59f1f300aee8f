#include "bpw/trace.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xtensor/xview.hpp>

#include "bpw/network.hpp"

#ifndef BPW_SOURCE_DIR
#define BPW_SOURCE_DIR ""
#endif

namespace bpw {
namespace {

using json = nlohmann::json;

namespace ansi {
constexpr const char* number = "\x1b[1;36m";
constexpr const char* equation = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* pass = "\x1b[32m";
constexpr const char* fail = "\x1b[1;31m";
constexpr const char* reset = "\x1b[0m";
}  // namespace ansi

// "chapters/01_forward_pass/main.cpp:31", relative to the project.
std::string source_of(const std::source_location& where) {
  std::string_view file = where.file_name();
  const std::string_view root = BPW_SOURCE_DIR;
  if (!root.empty() && file.starts_with(root)) {
    file.remove_prefix(root.size());
    while (file.starts_with('/')) file.remove_prefix(1);
  }
  return std::string(file) + ":" + std::to_string(where.line());
}

// Fixed notation when every non-zero value reads well with `precision` digits
// after the point; scientific otherwise (gradient-check errors of 1e-11, say).
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

// The values as strings, padded so that every column lines up.
std::vector<std::vector<std::string>> aligned_cells(const Matrix& m, int precision) {
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

// Columns a string takes on a terminal: one per code point (no wide glyphs here).
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

json rows_of(const Matrix& m) {
  json rows = json::array();
  for (std::size_t r = 0; r < m.shape(0); ++r) {
    json row = json::array();
    for (std::size_t c = 0; c < m.shape(1); ++c) row.push_back(m(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

struct Tracer::Impl {
  TraceOptions options;
  std::ostream* out = nullptr;
  int L = 3;
  std::vector<bool> bias;  // bias[l] for weight layer l
  bool brief = false;
  int failed = 0;

  LayerContext context(int l) const {
    const bool has_bias = l >= 1 && static_cast<std::size_t>(l) < bias.size() && bias[l];
    return {l, L, has_bias};
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
            render(e.text, Notation::unicode, at), render(e.symbol, Notation::latex, at),
            render(e.latex, Notation::latex, at)};
  }

  std::string shape_line(const Matrix& value, Operands operands) const {
    std::string line = "[" + to_string(shape_of(value)) + "]";
    if (operands.size() > 0) {
      line += " =";
      const char* sep = " ";
      for (const Matrix& m : operands) {
        line += sep + ("[" + to_string(shape_of(m)) + "]");
        sep = "·";
      }
    }
    return line;
  }

  void pause() {
    if (!options.step || brief || !isatty(STDIN_FILENO)) return;
    out->flush();
    std::cerr << "  ⏎ Enter for the next equation " << std::flush;
    std::string ignored;
    std::getline(std::cin, ignored);
  }

  void matrix_text(const Rendered& r, const Matrix& value, const std::string& shapes,
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
    const auto cells = aligned_cells(value, options.precision);
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

  void matrix_markdown(const Rendered& r, const Matrix& value, const std::string& shapes,
                       const std::string& source) {
    const std::string label = r.number.empty() ? "given" : "(" + r.number + ")";
    std::ostream& o = *out;
    if (brief) {
      o << "- **" << label << "** " << r.text << " · `[" << to_string(shape_of(value)) << "]`\n";
      return;
    }
    o << "**" << label << "** " << r.text << " · `" << shapes << "` · `" << source << "`\n\n";
    const auto cells = aligned_cells(value, options.precision);
    o << "| " << r.symbol << " |";
    for (std::size_t c = 0; c < value.shape(1); ++c) o << " " << c + 1 << " |";
    o << "\n|--:|";
    for (std::size_t c = 0; c < value.shape(1); ++c) o << "--:|";
    o << "\n";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      o << "| " << i + 1 << " |";
      for (const std::string& cell : cells[i]) o << " " << cell << " |";
      o << "\n";
    }
    o << "\n";
  }

  void matrix_latex(const Rendered& r, const Matrix& value, const std::string& shapes,
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
      << "$ \\hfill {\\small\\texttt{" << latex_escape(source) << "}}\n";
    o << "\\[ " << r.latex_symbol << " = \\begin{bmatrix}\n";
    const auto cells = aligned_cells(value, options.precision);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      o << "  ";
      for (std::size_t c = 0; c < cells[i].size(); ++c) o << (c ? " & " : "") << cells[i][c];
      o << (i + 1 < cells.size() ? " \\\\\n" : "\n");
    }
    o << "\\end{bmatrix} \\]\n\n";
  }

  json record(const char* kind, Eq id, int l, const Rendered& r, const Matrix& value,
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

Tracer::Tracer(TraceOptions options, std::ostream& out)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->out = &out;
}
Tracer::~Tracer() = default;
Tracer::Tracer(Tracer&&) noexcept = default;
Tracer& Tracer::operator=(Tracer&&) noexcept = default;

void Tracer::describe(const Network& network) {
  impl_->L = network.L();
  impl_->bias.assign(static_cast<std::size_t>(network.L()), false);
  for (int l = 1; l < network.L(); ++l) impl_->bias[l] = network.layer(l).has_bias;
}

Matrix Tracer::operator()(Eq eq, int l, Matrix value, Operands operands,
                          std::source_location where) {
  Impl& s = *impl_;
  const auto r = s.rendered(eq, l);
  const std::string source = source_of(where);
  const std::string shapes = s.shape_line(value, operands);
  switch (s.options.format) {
    case Format::text: s.matrix_text(r, value, shapes, source); break;
    case Format::markdown: s.matrix_markdown(r, value, shapes, source); break;
    case Format::latex: s.matrix_latex(r, value, shapes, source); break;
    case Format::json: {
      json rec = s.record("matrix", eq, l, r, value, source);
      json factors = json::array();
      for (const Matrix& m : operands) factors.push_back({m.shape(0), m.shape(1)});
      rec["operands"] = std::move(factors);
      *s.out << rec.dump() << "\n";
      break;
    }
  }
  s.pause();
  return value;
}

void Tracer::table(Eq eq, int l, const Matrix& rows, const std::vector<std::string>& row_names,
                   const std::vector<std::string>& column_names, std::source_location where) {
  Impl& s = *impl_;
  const auto r = s.rendered(eq, l);
  const std::string source = source_of(where);
  std::ostream& o = *s.out;
  if (s.options.format == Format::json) {
    json rec = s.record("table", eq, l, r, rows, source);
    rec["rows"] = row_names;
    rec["columns"] = column_names;
    o << rec.dump() << "\n";
    return;
  }
  // Each column is formatted on its own: analytic and numerical gradients in
  // fixed notation, relative errors of 1e-11 in scientific.
  std::vector<std::vector<std::string>> cells(rows.shape(0));
  std::vector<std::size_t> width;
  for (std::size_t c = 0; c < rows.shape(1); ++c) {
    const Matrix column = xt::view(rows, xt::all(), xt::range(c, c + 1));
    // g and n with four more digits, so that their agreement shows; r short.
    const int digits = c < 2 ? s.options.precision + 4 : std::max(1, s.options.precision - 2);
    const auto formatted = aligned_cells(column, digits);
    width.push_back(std::max(formatted.empty() ? 0 : formatted[0][0].size(), column_names[c].size()));
    for (std::size_t i = 0; i < formatted.size(); ++i) cells[i].push_back(formatted[i][0]);
  }
  std::size_t name_width = 0;
  for (const auto& name : row_names) name_width = std::max(name_width, display_width(name));
  const std::string label = "(" + r.number + ")";
  if (s.options.format == Format::text) {
    o << s.color(ansi::number) << fmt::format("{:<7}", label) << s.reset() << s.color(ansi::equation)
      << r.text << s.reset() << "\n       " << s.color(ansi::dim) << "at " << source << s.reset()
      << "\n       " << std::string(name_width, ' ');
    for (std::size_t c = 0; c < width.size(); ++c) o << "  " << fmt::format("{:>{}}", column_names[c], width[c]);
    o << "\n";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      o << "       " << row_names[i] << std::string(name_width - display_width(row_names[i]), ' ');
      for (std::size_t c = 0; c < cells[i].size(); ++c) o << "  " << fmt::format("{:>{}}", cells[i][c], width[c]);
      o << "\n";
    }
    o << "\n";
  } else if (s.options.format == Format::markdown) {
    o << "**" << label << "** " << r.text << " · `" << source << "`\n\n| |";
    for (const auto& name : column_names) o << " " << name << " |";
    o << "\n|---|";
    for (std::size_t c = 0; c < column_names.size(); ++c) o << "--:|";
    o << "\n";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      o << "| " << row_names[i] << " |";
      for (const auto& cell : cells[i]) o << " " << cell << " |";
      o << "\n";
    }
    o << "\n";
  } else {
    o << "\\paragraph{" << label << "} $" << r.latex << "$ \\hfill {\\small\\texttt{"
      << latex_escape(source) << "}}\n\\begin{tabular}{l" << std::string(column_names.size(), 'r')
      << "}\n";
    for (const auto& name : column_names) o << " & " << latex_escape(name);
    o << " \\\\ \\hline\n";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      o << latex_escape(row_names[i]);
      for (const auto& cell : cells[i]) o << " & " << cell;
      o << " \\\\\n";
    }
    o << "\\end{tabular}\n\n";
  }
  s.pause();
}

bool Tracer::check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
                   std::string_view reference_name, double tolerance) {
  const auto mismatch = first_mismatch(computed, reference, tolerance);
  std::string message;
  if (!mismatch) {
    message = fmt::format("agrees with {}: largest difference {:.1e}", reference_name,
                          max_abs_difference(computed, reference));
  } else if (mismatch->shape_differs) {
    message = "is " + to_string(shape_of(computed)) + ", expected " +
              to_string(shape_of(reference)) + " like " + std::string(reference_name);
  } else {
    message = fmt::format("differs from {} at row {}, column {}: computed {:.10g}, expected {:.10g}",
                          reference_name, mismatch->row + 1, mismatch->col + 1, mismatch->got,
                          mismatch->expected);
  }
  return verdict(eq, l, !mismatch, message);
}

bool Tracer::verdict(Eq eq, int l, bool passed, std::string_view message) {
  Impl& s = *impl_;
  const auto r = s.rendered(eq, l);
  const std::string line = r.symbol + " (" + r.number + ") " + std::string(message);
  if (!passed) ++s.failed;
  std::ostream& o = *s.out;
  switch (s.options.format) {
    case Format::text:
      o << s.color(passed ? ansi::pass : ansi::fail) << (passed ? "✓ " : "✗ ") << line << s.reset()
        << "\n\n";
      break;
    case Format::markdown: o << (passed ? "✓ " : "✗ ") << line << "\n\n"; break;
    case Format::latex:
      o << "\\noindent " << (passed ? "Check passed: " : "Check FAILED: ") << "$" << r.latex_symbol
        << "$ (" << r.number << ") " << latex_escape(message) << "\n\n";
      break;
    case Format::json: {
      const json rec = {{"kind", "check"},   {"eq", r.number},    {"id", std::string(equation(eq).key)},
                        {"symbol", r.symbol}, {"layer", l},        {"passed", passed},
                        {"message", line}};
      o << rec.dump() << "\n";
      break;
    }
  }
  return passed;
}

std::string Tracer::symbol(Eq eq, int l) const {
  return render(equation(eq).symbol, Notation::unicode, impl_->context(l));
}

std::string Tracer::number(double v) const {
  return fmt::format("{:.{}g}", v, std::max(1, impl_->options.precision + 2));
}

void Tracer::heading(std::string_view title) {
  std::ostream& o = *impl_->out;
  switch (impl_->options.format) {
    case Format::text:
      o << impl_->color(ansi::equation) << "━━ " << title << " " << impl_->reset() << "\n\n";
      break;
    case Format::markdown: o << "## " << title << "\n\n"; break;
    case Format::latex: o << "\\subsection*{" << latex_escape(title) << "}\n\n"; break;
    case Format::json: break;
  }
}

void Tracer::note(std::string_view text) {
  std::ostream& o = *impl_->out;
  switch (impl_->options.format) {
    case Format::text: o << text << "\n\n"; break;
    case Format::markdown: o << text << "\n\n"; break;
    case Format::latex: o << latex_escape(text) << "\n\n"; break;
    case Format::json: break;
  }
}

Tracer::Recap::Recap(Tracer& tracer) : tracer_(tracer), was_brief_(tracer.impl_->brief) {
  tracer_.impl_->brief = !tracer_.impl_->options.verbose;
}

Tracer::Recap::~Recap() {
  tracer_.impl_->brief = was_brief_;
  if (!tracer_.impl_->options.verbose && tracer_.impl_->options.format != Format::json)
    *tracer_.impl_->out << "\n";
}

Tracer::Recap Tracer::recap(std::string_view what) {
  const bool verbose = impl_->options.verbose;
  note(std::string(verbose ? "Recap of " : "Recap of ") + std::string(what) +
       (verbose ? ":" : " (one line each; --verbose shows them in full):"));
  return Recap(*this);
}

int Tracer::failed_checks() const { return impl_->failed; }
const TraceOptions& Tracer::options() const { return impl_->options; }

}  // namespace bpw
