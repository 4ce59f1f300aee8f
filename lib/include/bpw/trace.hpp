// The tracer prints every matrix a chapter computes beside the registry equation
// that produced it, its shape, the shapes that made it, and the source line.
#pragma once

#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/equations.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;

enum class Format { text, markdown, latex, json };

struct TraceOptions {
  Format format = Format::text;
  int precision = 4;     // digits after the point in text, markdown and latex
  bool color = false;    // ANSI colour in text (the chapter runner sets it for a terminal)
  bool step = false;     // pause after each equation until Enter (only if stdin is a terminal)
  bool verbose = false;  // recaps of earlier chapters in full instead of one line each
  bool full = false;     // every row and column of a large matrix, not the first and last few
  bool explain = false;  // under each equation, the derivation step it comes from
};

using Operands = std::initializer_list<std::reference_wrapper<const Matrix>>;

class Tracer {
 public:
  explicit Tracer(TraceOptions options, std::ostream& out);
  ~Tracer();
  Tracer(Tracer&&) noexcept;
  Tracer& operator=(Tracer&&) noexcept;

  // The network whose layers the equations are written for (L and its biases).
  void describe(const Network& network);

  // Trace the matrix that equation `eq` computed at layer l and hand it back, so
  // that computing and tracing are one line:
  //   const Matrix z = trace(Eq::weighted_input, l, matmul(a, W), {a, W});
  // `operands` are the factors of a product, shown as [3×3] = [3×2]·[2×3].
  Matrix operator()(Eq eq, int l, Matrix value, Operands operands = {},
                    std::source_location where = std::source_location::current());

  // A table whose rows are named, e.g. one row per weight in the gradient check.
  void table(Eq eq, int l, const Matrix& rows, const std::vector<std::string>& row_names,
             const std::vector<std::string>& column_names,
             std::source_location where = std::source_location::current());

  // Compare what this chapter computed with an independent reference, report
  // the largest difference or the first mismatch, and count failures.
  bool check(Eq eq, int l, const Matrix& computed, const Matrix& reference,
             std::string_view reference_name, double tolerance);

  // A pass/fail line that is not a matrix comparison (the gradient check's verdict).
  bool verdict(Eq eq, int l, bool passed, std::string_view message);

  // The symbol an equation defines, at layer l: symbol(Eq::W, 1) is "W⁽¹⁾".
  std::string symbol(Eq eq, int l) const;
  // A matrix as the trace shows it: transposed when samples are columns.
  Matrix as_shown(const Matrix& m) const;
  // A number in the tracer's precision, for notes.
  std::string number(double v) const;

  void heading(std::string_view title);
  void note(std::string_view text);

  // While a Recap is alive, traces are one line each (unless --verbose): used to
  // recompute what earlier chapters did before a chapter's own step.
  class Recap {
   public:
    explicit Recap(Tracer& tracer);
    ~Recap();
    Recap(const Recap&) = delete;
    Recap& operator=(const Recap&) = delete;

   private:
    Tracer& tracer_;
    bool was_brief_;
  };
  [[nodiscard]] Recap recap(std::string_view what);

  int failed_checks() const;
  const TraceOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bpw
