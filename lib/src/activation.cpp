#include "bpw/activation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xreducer.hpp>
#include <xtensor/xsort.hpp>

#include "named.hpp"

namespace bpw {
namespace {

// σ(z) = 1 / (1 + e^(−z))
Matrix sigmoid_f(const Matrix& z) { return 1.0 / (1.0 + xt::exp(-z)); }
// (3.4) σ′(z) = σ(z) ⊙ (1 − σ(z))
Matrix sigmoid_f_prime(const Matrix& z) {
  const Matrix s = sigmoid_f(z);
  return s * (1.0 - s);
}

Matrix tanh_f(const Matrix& z) { return xt::tanh(z); }
// (3.5) tanh′(z) = 1 − tanh²(z)
Matrix tanh_f_prime(const Matrix& z) {
  const Matrix t = xt::tanh(z);
  return 1.0 - t * t;
}

Matrix relu_f(const Matrix& z) { return xt::maximum(z, 0.0); }
// (3.6) relu′(z) = [z > 0]; at the kink z = 0 we take 0.
Matrix relu_f_prime(const Matrix& z) { return xt::cast<double>(z > 0.0); }

Matrix identity_f(const Matrix& z) { return z; }
// (3.7) identity′(z) = 1
Matrix identity_f_prime(const Matrix& z) { return xt::ones_like(z); }

// Softmax over each row, shifted by the row's maximum (log-sum-exp): the
// largest exponent is e⁰ = 1, so no z, however large, overflows.
Matrix softmax_f(const Matrix& z) {
  const Matrix shifted = z - xt::amax(z, {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
  const Matrix e = xt::exp(shifted);
  return e / xt::sum(e, {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
}
// The diagonal of softmax's Jacobian, aⱼ(1 − aⱼ); δ needs the whole Jacobian.
Matrix softmax_f_prime(const Matrix& z) {
  const Matrix a = softmax_f(z);
  return a * (1.0 - a);
}
// (3.10) δ = a ⊙ (g − Σₖ aₖ gₖ), per sample: Jᵀg with Jᵢⱼ = aᵢ([i = j] − aⱼ).
Matrix softmax_jacobian_product(const Matrix& z, const Matrix& g) {
  const Matrix a = softmax_f(z);
  const Matrix weighted = xt::sum(a * g, {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
  return a * (g - weighted);
}

// In place, for the training loop (see Activation::f_into and chain_into).
void sigmoid_into(const Matrix& z, Matrix& a) { xt::noalias(a) = 1.0 / (1.0 + xt::exp(-z)); }
void sigmoid_chain(const Matrix&, const Matrix& a, Matrix& g) { xt::noalias(g) = g * a * (1.0 - a); }
void tanh_into(const Matrix& z, Matrix& a) { xt::noalias(a) = xt::tanh(z); }
void tanh_chain(const Matrix&, const Matrix& a, Matrix& g) { xt::noalias(g) = g * (1.0 - a * a); }
void relu_into(const Matrix& z, Matrix& a) { xt::noalias(a) = xt::maximum(z, 0.0); }
void relu_chain(const Matrix& z, const Matrix&, Matrix& g) {
  xt::noalias(g) = xt::where(z > 0.0, g, 0.0);
}
void identity_into(const Matrix& z, Matrix& a) { xt::noalias(a) = z; }
void identity_chain(const Matrix&, const Matrix&, Matrix&) {}
void softmax_into(const Matrix& z, Matrix& a) {
  a.resize(z.shape());
  for (std::size_t m = 0; m < z.shape(0); ++m) {
    const double* zm = &z(m, 0);
    double* am = &a(m, 0);
    const std::size_t k = z.shape(1);
    const double top = *std::max_element(zm, zm + k);
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) sum += am[j] = std::exp(zm[j] - top);
    for (std::size_t j = 0; j < k; ++j) am[j] /= sum;
  }
}
void softmax_chain(const Matrix&, const Matrix& a, Matrix& g) {
  for (std::size_t m = 0; m < a.shape(0); ++m) {
    double weighted = 0;  // Σₖ aₖ gₖ
    for (std::size_t j = 0; j < a.shape(1); ++j) weighted += a(m, j) * g(m, j);
    for (std::size_t j = 0; j < a.shape(1); ++j) g(m, j) = a(m, j) * (g(m, j) - weighted);
  }
}

const Activation sigmoid_entry{"sigmoid", sigmoid_f, sigmoid_f_prime, Eq::sigmoid_derivative,
                               nullptr, sigmoid_into, sigmoid_chain};
const Activation tanh_entry{"tanh", tanh_f, tanh_f_prime, Eq::tanh_derivative, nullptr, tanh_into,
                            tanh_chain};
const Activation relu_entry{"relu", relu_f, relu_f_prime, Eq::relu_derivative, nullptr, relu_into,
                            relu_chain};
const Activation identity_entry{"identity", identity_f, identity_f_prime, Eq::identity_derivative,
                                nullptr, identity_into, identity_chain};
const Activation softmax_entry{"softmax", softmax_f, softmax_f_prime, Eq::softmax_delta,
                               softmax_jacobian_product, softmax_into, softmax_chain};

const std::array<const Activation*, 5> activations{&sigmoid_entry, &tanh_entry, &relu_entry,
                                                   &identity_entry, &softmax_entry};

}  // namespace

const Activation& sigmoid() { return sigmoid_entry; }
const Activation& tanh_activation() { return tanh_entry; }
const Activation& relu() { return relu_entry; }
const Activation& identity() { return identity_entry; }
const Activation& softmax() { return softmax_entry; }

std::span<const Activation* const> all_activations() { return activations; }

Matrix backward(const Activation& f, const Matrix& z, const Matrix& dJ_da) {
  if (f.jacobian_product) return f.jacobian_product(z, dJ_da);
  return dJ_da * f.f_prime(z);
}

const Activation& activation_named(std::string_view name) {
  return find_named(all_activations(), name, "activation");
}

Activation with_broken_derivative(const Activation& f) {
  Activation broken = f;
  broken.f_prime = f.f;
  broken.derivative_equation = Eq::broken_derivative;
  broken.jacobian_product = nullptr;  // the slip treats softmax as element-wise too
  broken.chain_into = nullptr;        // the training loop has no broken form
  return broken;
}

}  // namespace bpw
