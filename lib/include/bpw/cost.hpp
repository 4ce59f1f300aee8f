// Cost functions J(y, ŷ) and their gradients ∂J/∂ŷ. y and ŷ are [M x k]: one row
// per sample, one column per output.
#pragma once

#include <span>
#include <string_view>

#include "bpw/equations.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

struct Cost {
  std::string_view name;  // as written in a network file: "sse"
  // (2.3)/(2.4) Jₘ: [M x 1], the cost of every sample; J is their sum (2.2).
  Matrix (*sample_costs)(const Matrix& y, const Matrix& yhat);
  // J over the whole data set, computed directly (not through sample_costs).
  double (*J)(const Matrix& y, const Matrix& yhat);
  // (3.2)/(3.3) ∂J/∂ŷ: [M x k]
  Matrix (*dJ_dyhat)(const Matrix& y, const Matrix& yhat);
  Eq sample_equation;
  Eq gradient_equation;
};

// ½ Σ (y − ŷ)², summed over samples and outputs.
const Cost& sse();
// (1/M) Σ (y − ŷ)², M the number of samples.
const Cost& mse();

std::span<const Cost* const> all_costs();

// Throws UsageError naming the known costs.
const Cost& cost_named(std::string_view name);

}  // namespace bpw
