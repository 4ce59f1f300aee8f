// Cost functions: the cost of every sample Jₘ(y, ŷ) and the gradient ∂J/∂ŷ, one
// pair per cost, called by the chapters and the training loop alike. y and ŷ
// are [M x k]: one row per sample, one column per output. z is the output
// layer's weighted input, from which the cross-entropies compute J without
// ever taking ln 0.
#pragma once

#include <source_location>
#include <span>
#include <string_view>

#include "bpw/eq.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

// What a cost accepts as targets.
enum class Targets {
  any,      // any finite numbers
  unit,     // numbers in [0, 1]
  one_hot,  // rows with a single 1 (class indices 0 … k−1 are turned into these)
};

struct Cost {
  std::string_view name;  // as written in a network file: "sse"
  Eq sample_equation;     // (2.3)–(2.6)
  Eq gradient_equation;   // (3.2), (3.3), (3.8), (3.9)
  // Jₘ, the cost of every sample, into J_m [M x 1]; J is their sum (2.2).
  Matrix& (*sample_costs_into)(const Matrix& y, const Matrix& yhat, const Matrix& z, Matrix& J_m);
  // ∂J/∂ŷ into dJ_dyhat [M x k].
  Matrix& (*gradient_into)(const Matrix& y, const Matrix& yhat, Matrix& dJ_dyhat);
  // The output activation the cost is written for, empty for any. With it,
  // δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z) simplifies to ŷ − y (3.11).
  std::string_view output_activation = {};
  Targets targets = Targets::any;
  // The squared errors are written with the error e = y − ŷ (2.1): Jₘ from e,
  // which sample_costs_into computes first. Null for the cross-entropies.
  Matrix& (*error_costs_into)(const Matrix& e, Matrix& J_m) = nullptr;
  // Whether Jₘ carries 1/M, M the samples it is computed over (mse): J over a
  // data set taken in parts is then Σ J(part) · M(part) / M.
  bool mean_over_samples = false;
  // Where the entry is written (lib/math/src/cost.cpp): what to edit.
  std::source_location defined = std::source_location::current();

  // The same, allocating the result, and J = Σₘ Jₘ (2.2).
  Matrix sample_costs(const Matrix& y, const Matrix& yhat, const Matrix& z) const;
  Matrix dJ_dyhat(const Matrix& y, const Matrix& yhat) const;
  double J(const Matrix& y, const Matrix& yhat, const Matrix& z) const;
};

// (3.11) δ⁽ᴸ⁾ = ŷ − y into `delta`: a cross-entropy with its own output
// activation, where the cost's 1/(ŷ(1 − ŷ)) or 1/ŷ cancels f′ exactly.
Matrix& matched_output_delta(const Matrix& yhat, const Matrix& y, Matrix& delta);

// J summed element by element from the cost's definition, ½ (y − ŷ)²,
// (y − ŷ)²/M, −[y ln ŷ + (1 − y) ln(1 − ŷ)] or −y ln ŷ, taking 0 ln 0 = 0: an
// independent reference for the computed J (chapter 2 checks against it).
double J_by_sums(const Cost& cost, const Matrix& y, const Matrix& yhat);

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
