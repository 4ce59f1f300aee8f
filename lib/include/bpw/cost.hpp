// Cost functions J(y, ŷ) and their gradients ∂J/∂ŷ. y and ŷ are [M x k]: one row
// per sample, one column per output. z is the output layer's weighted input,
// from which the cross-entropies compute J without ever taking ln 0.
#pragma once

#include <span>
#include <string_view>

#include "bpw/equations.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

// What a cost accepts as targets.
enum class Targets {
  any,         // any finite numbers
  unit,        // numbers in [0, 1]
  one_hot,     // rows with a single 1 (class indices 0 … k−1 are turned into these)
};

struct Cost {
  std::string_view name;  // as written in a network file: "sse"
  // (2.3)–(2.6) Jₘ: [M x 1], the cost of every sample; J is their sum (2.2).
  Matrix (*sample_costs)(const Matrix& y, const Matrix& yhat, const Matrix& z);
  // J over the whole data set, computed directly (not through sample_costs).
  double (*J)(const Matrix& y, const Matrix& yhat, const Matrix& z);
  // (3.2), (3.3), (3.8), (3.9) ∂J/∂ŷ: [M x k]
  Matrix (*dJ_dyhat)(const Matrix& y, const Matrix& yhat);
  Eq sample_equation;
  Eq gradient_equation;
  // The output activation the cost is written for, empty for any. With it,
  // δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z) simplifies to ŷ − y (3.11).
  std::string_view output_activation = {};
  Targets targets = Targets::any;
};

// ½ Σ (y − ŷ)², summed over samples and outputs.
const Cost& sse();
// (1/M) Σ (y − ŷ)², M the number of samples.
const Cost& mse();
// −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], for sigmoid outputs and targets in [0, 1].
const Cost& cross_entropy();
// −Σ y ln ŷ, for a softmax output and one-hot targets.
const Cost& softmax_cross_entropy();

std::span<const Cost* const> all_costs();

// Throws UsageError naming the known costs.
const Cost& cost_named(std::string_view name);

}  // namespace bpw
