// The tracer's state, shared by trace.cpp (what is traced) and operands.cpp
// (which earlier records an equation's operands are). Private to bpw_trace.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bpw/chain.hpp"
#include "bpw/equations.hpp"
#include "bpw/trace.hpp"
#include "writer.hpp"

namespace bpw {

// A matrix record kept for the equations that use it later.
struct Stored {
  Rendered eq;
  Matrix value;  // as shown
  std::string source;
  int n = 0;
  bool in_full = false;  // printed in full at least once, not only as a recap line
};

struct Tracer::Impl {
  TraceOptions options;
  std::unique_ptr<Writer> writer;
  int L = 3;
  std::vector<bool> bias;  // bias[l] for weight layer l
  bool l2 = false;
  bool brief = false;
  bool in_recap = false;  // inside a Recap: earlier chapters' results, not this chapter's own
  int failed = 0;
  std::vector<std::string> traced;  // a worksheet's record of the equations traced, in order
  int records = 0;
  bool non_finite_named = false;  // the first value that is not finite has been named
  std::map<std::string, Stored> latest;  // the latest record of each symbol

  bool columns() const { return options.layout == Layout::columns; }
  LayerContext context(int l) const;
  Rendered rendered(Eq id, int l) const;
  // The library computes with samples as rows; with samples as columns the same
  // numbers are shown transposed.
  Matrix shown(const Matrix& m) const { return columns() ? transpose(m) : m; }

  // Prints a matrix record (and keeps it), numbering it.
  const Stored& emit(const Rendered& r, const Matrix& value, std::vector<OperandRef> operands,
                     std::vector<Shape> factors, std::string source, std::string explanation);
  // The operands of equation `eq` at layer l: earlier records, found by the
  // symbol they define; a given quantity (X, y, W, b) never traced before is
  // printed now; one shown only as a recap line is shown in full again.
  // `result` is the value the equation computed: an operand held in the same
  // buffer (an update in place) is read as recorded before, never compared.
  std::vector<OperandRef> resolve(Eq eq, int l, Operands operands, const Matrix& result);
  std::vector<Shape> factor_shapes(Eq eq, int l, Operands operands) const;
  // An element of a traced matrix, named and numbered as shown.
  ElementRef element(const Element& e) const;
  void pause() const;
  // Whether a worksheet leaves this equation's values blank: those named by
  // --blank, or by default the chapter's own numbered results.
  bool blank(const Rendered& r);
};

}  // namespace bpw
