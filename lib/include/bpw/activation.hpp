// Activation functions f and their derivatives f′, applied element by element.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "bpw/equations.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

struct Activation {
  std::string_view name;            // as written in a network file: "sigmoid"
  Matrix (*f)(const Matrix& z);     // a = f(z)
  Matrix (*f_prime)(const Matrix& z);  // f′(z), element by element
  Eq derivative_equation;           // the registry entry that defines f′
};

const Activation& sigmoid();
const Activation& tanh_activation();
const Activation& relu();
const Activation& identity();

std::span<const Activation* const> all_activations();

// Throws UsageError naming the known activations.
const Activation& activation_named(std::string_view name);

// The same f with a deliberately wrong derivative, f′(z) ≈ f(z): the slip of
// writing σ(z) for σ′(z). Chapter 7 uses it to show a failing gradient check.
Activation with_broken_derivative(const Activation& f);

}  // namespace bpw
