// Activation functions f and their derivatives f′, applied element by element.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "bpw/equations.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

struct Activation {
  std::string_view name;               // as written in a network file: "sigmoid"
  Matrix (*f)(const Matrix& z);        // a = f(z)
  Matrix (*f_prime)(const Matrix& z);  // f′(z), element by element (elementwise only)
  Eq derivative_equation;              // the registry entry that defines f′ (or its product)
  // Softmax is not element-wise: each output depends on every z of its sample,
  // so its f′ is a Jacobian per sample, applied as a product (3.10). Null for
  // the element-wise activations.
  Matrix (*jacobian_product)(const Matrix& z, const Matrix& dJ_da) = nullptr;

  // For the training loop, without allocating: a = f(z) into a buffer, and
  // g ← ∂J/∂z from g = ∂J/∂a, using the a = f(z) already known (σ′ = a(1 − a)).
  void (*f_into)(const Matrix& z, Matrix& a) = nullptr;
  void (*chain_into)(const Matrix& z, const Matrix& a, Matrix& g) = nullptr;

  bool elementwise() const { return jacobian_product == nullptr; }
};

// ∂J/∂z from ∂J/∂a through a = f(z): ∂J/∂a ⊙ f′(z) for an element-wise f, the
// Jacobian-vector product otherwise.
Matrix backward(const Activation& f, const Matrix& z, const Matrix& dJ_da);

const Activation& sigmoid();
const Activation& tanh_activation();
const Activation& relu();
const Activation& identity();
// aⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z), per sample (row): no overflow at any z.
const Activation& softmax();

std::span<const Activation* const> all_activations();

// Throws UsageError naming the known activations.
const Activation& activation_named(std::string_view name);

// The same f with a deliberately wrong derivative, f′(z) ≈ f(z): the slip of
// writing σ(z) for σ′(z). Chapter 7 uses it to show a failing gradient check.
Activation with_broken_derivative(const Activation& f);

}  // namespace bpw
