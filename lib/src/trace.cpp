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
#include "cells.hpp"
#include "trace_impl.hpp"

#ifndef BPW_SOURCE_DIR
#define BPW_SOURCE_DIR ""
#endif

namespace bpw {
namespace {

using json = nlohmann::json;

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

}  // namespace


Tracer::Tracer(TraceOptions options, std::ostream& out)
    : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->out = &out;
}
Tracer::~Tracer() = default;
Tracer::Tracer(Tracer&&) noexcept = default;
Tracer& Tracer::operator=(Tracer&&) noexcept = default;

Matrix Tracer::as_shown(const Matrix& m) const { return impl_->shown(m); }

void Tracer::describe(const Network& network) {
  impl_->columns = network.layout() == Layout::columns;
  impl_->L = network.L();
  impl_->bias.assign(static_cast<std::size_t>(network.L()), false);
  for (int l = 1; l < network.L(); ++l) impl_->bias[l] = network.layer(l).has_bias;
}

Matrix Tracer::operator()(Eq eq, int l, Matrix value, Operands operands,
                          std::source_location where) {
  Impl& s = *impl_;
  const auto r = s.rendered(eq, l);
  const std::string source = source_of(where);
  const Matrix shown = s.shown(value);
  const std::vector<Shape> factors = s.factor_shapes(operands);
  const std::string shapes = s.shape_line(shown, factors);
  switch (s.options.format) {
    case Format::text: s.matrix_text(r, shown, shapes, source); break;
    case Format::markdown: s.matrix_markdown(r, shown, shapes, source); break;
    case Format::latex: s.matrix_latex(r, shown, shapes, source); break;
    case Format::json: {
      json rec = s.record("matrix", eq, l, r, shown, source);
      if (s.options.explain && !r.number.empty()) rec["explanation"] = explanation(eq);
      json shapes_of_factors = json::array();
      for (const Shape& f : factors) shapes_of_factors.push_back({f.rows, f.cols});
      rec["operands"] = std::move(shapes_of_factors);
      *s.out << rec.dump() << "\n";
      break;
    }
  }
  if (s.options.explain && !s.brief && !r.number.empty() && s.options.format != Format::json)
    s.explain(eq);
  s.pause();
  return value;
}

void Tracer::table(Eq eq, int l, const Matrix& rows, const std::vector<std::string>& row_names,
                   const std::vector<std::string>& column_names, std::source_location where) {
  Impl& s = *impl_;
  const auto r = s.rendered(eq, l);
  const std::string source = source_of(where);
  const auto cells = [&] { return table_cells(rows, row_names, column_names, s.options.precision); };
  switch (s.options.format) {
    case Format::text: s.table_text(r, cells(), row_names, column_names, source); break;
    case Format::markdown: s.table_markdown(r, cells(), row_names, column_names, source); break;
    case Format::latex: s.table_latex(r, cells(), row_names, column_names, source); break;
    case Format::json: {
      nlohmann::json rec = s.record("table", eq, l, r, rows, source);
      rec["rows"] = row_names;
      rec["columns"] = column_names;
      *s.out << rec.dump() << "\n";
      break;
    }
  }
  s.pause();
}

bool Tracer::check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
                   std::string_view reference_name, double tolerance) {
  // Positions and shapes as the learner sees them, transposed in the column layout.
  const Matrix got = impl_->shown(computed), want = impl_->shown(reference);
  const auto mismatch = first_mismatch(got, want, tolerance);
  std::string message;
  if (!mismatch) {
    message = fmt::format("agrees with {}: largest difference {:.1e}", reference_name,
                          max_abs_difference(got, want));
  } else if (mismatch->shape_differs) {
    message = "is " + to_string(shape_of(got)) + ", expected " + to_string(shape_of(want)) +
              " like " + std::string(reference_name);
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
        << "$ (" << r.number << ") " << cells::latex_escape(message) << "\n\n";
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
    case Format::latex: o << "\\subsection*{" << cells::latex_escape(title) << "}\n\n"; break;
    case Format::json: break;
  }
}

void Tracer::note(std::string_view text) {
  std::ostream& o = *impl_->out;
  switch (impl_->options.format) {
    case Format::text: o << text << "\n\n"; break;
    case Format::markdown: o << text << "\n\n"; break;
    case Format::latex: o << cells::latex_escape(text) << "\n\n"; break;
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
