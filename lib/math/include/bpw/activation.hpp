// Activation functions: a = f(z) and its derivative, one pair per function.
// The traced chapters, the training loop and the exercise checker all call
// these, so every derivative has exactly one formula (lib/math/src/activation.cpp).
#pragma once

#include <source_location>
#include <span>
#include <string_view>

#include "bpw/eq.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

struct Activation {
  std::string_view name;  // as written in a network file: "sigmoid"
  Eq derivative_equation;  // the registry entry of f′ (3.4)–(3.7), or of softmax's product (3.10)

  // (1.2) a = f(z), into `a` (given z's shape); returns a.
  Matrix& (*forward)(const Matrix& z, Matrix& a);
  // f′(z) element by element into `f_prime`, from z and a = f(z), which every
  // caller has already (σ′ = a ⊙ (1 − a)). Null for softmax.
  Matrix& (*derivative)(const Matrix& z, const Matrix& a, Matrix& f_prime);
  // Softmax is not element-wise: each output depends on every z of its
  // sample, so its f′ is a Jacobian per sample, applied as a product (3.10):
  // g = ∂J/∂a in, ∂J/∂z out, in place. Null for the element-wise activations.
  Matrix& (*jacobian_product)(const Matrix& a, Matrix& g) = nullptr;
  // Where the entry is written (lib/math/src/activation.cpp): what to edit.
  std::source_location defined = std::source_location::current();

  bool elementwise() const { return jacobian_product == nullptr; }

  // The same, allocating the result; f_prime(z) works out a = f(z) first.
  // f_prime throws std::logic_error for softmax, which has no element-wise f′.
  Matrix f(const Matrix& z) const;
  Matrix f_prime(const Matrix& z, const Matrix& a) const;
  Matrix f_prime(const Matrix& z) const { return f_prime(z, f(z)); }
};

// ∂J/∂z from g = ∂J/∂a through a = f(z), into `out`: g ⊙ f′(z) for an
// element-wise f, the Jacobian product for softmax.
Matrix& backward_into(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g,
                      Matrix& out);
Matrix backward(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g);
inline Matrix backward(const Activation& f, const Matrix& z, const Matrix& g) {
  return backward(f, z, f.f(z), g);
}

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
