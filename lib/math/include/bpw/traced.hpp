// How the math shows its work without knowing how it is shown. Every traced
// step is one expression that computes a matrix and hands it to a sink, which
// may be null (the training loop's fast path):
//
//   traced(trace, Eq::weighted_input, l, affine(a, W, b, z), {a, W});
//
// The sink learns the equation, the layer, the value, the operands it was made
// from and the source line of the expression; the display layer (bpw::Tracer)
// decides what to print. The sink reads the value during the call, so a buffer
// may be reused afterwards.
#pragma once

#include <functional>
#include <initializer_list>
#include <source_location>

#include "bpw/eq.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

// The matrices an equation combined, in the order the registry lists them.
using Operands = std::initializer_list<std::reference_wrapper<const Matrix>>;

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  // Equation `eq` at layer l (the layer of the registry entry's template)
  // computed `value` from `operands` at `where`.
  virtual void record(Eq eq, int l, const Matrix& value, Operands operands,
                      std::source_location where) = 0;
};

// Records `value` when `trace` is not null and hands the same matrix back, so
// that computing and tracing are one expression. Assign the result to a Matrix
// when `value` is a temporary; never keep a reference to it.
inline const Matrix& traced(TraceSink* trace, Eq eq, int l, const Matrix& value,
                            Operands operands = {},
                            std::source_location where = std::source_location::current()) {
  if (trace) trace->record(eq, l, value, operands, where);
  return value;
}

// A number (J, ρ, ‖∇J‖) traced as the 1×1 matrix the book writes it as.
inline double traced(TraceSink* trace, Eq eq, int l, double value, Operands operands = {},
                     std::source_location where = std::source_location::current()) {
  if (trace) trace->record(eq, l, Matrix{{value}}, operands, where);
  return value;
}

// The same, for a sink held by reference (a chapter's Tracer).
inline const Matrix& traced(TraceSink& trace, Eq eq, int l, const Matrix& value,
                            Operands operands = {},
                            std::source_location where = std::source_location::current()) {
  return traced(&trace, eq, l, value, operands, where);
}
inline double traced(TraceSink& trace, Eq eq, int l, double value, Operands operands = {},
                     std::source_location where = std::source_location::current()) {
  return traced(&trace, eq, l, value, operands, where);
}

}  // namespace bpw
