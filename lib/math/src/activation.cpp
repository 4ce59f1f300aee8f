#include "bpw/activation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xoperation.hpp>

#include "bpw/named.hpp"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
// glibc's vector exp (libmvec), four values at a time with AVX2, by the name
// the x86-64 vector function ABI gives it. Called by name, not left to the
// vectoriser, so that every build type (Debug and the sanitizers too) takes
// the same exp and prints the same last digits.
extern "C" [[gnu::target("avx2")]] __m256d _ZGVdN4v_exp(__m256d);
#define BPW_VECTOR_EXP 1
#endif

namespace bpw {
namespace {

#ifdef BPW_VECTOR_EXP
[[gnu::target("avx2")]] void logistic_avx2(const double* z, double* a, std::size_t n) {
  const __m256d one = _mm256_set1_pd(1.0), sign = _mm256_set1_pd(-0.0);
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m256d e = _ZGVdN4v_exp(_mm256_xor_pd(_mm256_loadu_pd(z + i), sign));  // e⁻ᶻ
    _mm256_storeu_pd(a + i, _mm256_div_pd(one, _mm256_add_pd(one, e)));
  }
  for (; i < n; ++i) a[i] = 1.0 / (1.0 + std::exp(-z[i]));
}
#endif

// (1.3) σ(z) = 1 / (1 + e⁻ᶻ) element by element. With AVX2 the exp is glibc's
// vector one: the sigmoid of a training batch then takes a quarter of the time.
void logistic(const double* z, double* a, std::size_t n) {
#ifdef BPW_VECTOR_EXP
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return logistic_avx2(z, a, n);
#endif
  for (std::size_t i = 0; i < n; ++i) a[i] = 1.0 / (1.0 + std::exp(-z[i]));
}

// Each activation is its formula pair, written once: f(z) and f′(z) given
// a = f(z). They are xtensor expressions evaluated straight into a buffer,
// except the sigmoid's f, a loop that writes into it.
struct Sigmoid {
  static void f(const Matrix& z, Matrix& a) { logistic(z.data(), a.data(), z.size()); }
  // (3.4) σ′(z) = σ(z) ⊙ (1 − σ(z))
  static auto f_prime(const Matrix&, const Matrix& a) { return a * (1.0 - a); }
};

struct Tanh {
  static auto f(const Matrix& z) { return xt::tanh(z); }
  // (3.5) tanh′(z) = 1 − tanh²(z)
  static auto f_prime(const Matrix&, const Matrix& a) { return 1.0 - a * a; }
};

struct Relu {
  static auto f(const Matrix& z) { return xt::maximum(z, 0.0); }
  // (3.6) relu′(z) = [z > 0]; at the kink z = 0 we take 0.
  static auto f_prime(const Matrix& z, const Matrix&) { return xt::where(z > 0.0, 1.0, 0.0); }
};

struct Identity {
  static const Matrix& f(const Matrix& z) { return z; }
  // (3.7) identity′(z) = 1
  static auto f_prime(const Matrix& z, const Matrix&) { return xt::ones_like(z); }
};

template <class F>
Matrix& forward_of(const Matrix& z, Matrix& a) {
  fit(a, z.shape(0), z.shape(1));
  if constexpr (requires { F::f(z, a); })
    F::f(z, a);
  else
    xt::noalias(a) = F::f(z);
  return a;
}

template <class F>
Matrix& derivative_of(const Matrix& z, const Matrix& a, Matrix& f_prime) {
  fit(f_prime, z.shape(0), z.shape(1));
  xt::noalias(f_prime) = F::f_prime(z, a);
  return f_prime;
}

// Softmax over each row, shifted by the row's largest z: the largest
// exponent is e⁰ = 1, so no z, however large, overflows.
Matrix& softmax_forward(const Matrix& z, Matrix& a) {
  fit(a, z.shape(0), z.shape(1));
  const std::size_t k = z.shape(1);
  for (std::size_t m = 0; m < z.shape(0); ++m) {
    const double* zm = &z(m, 0);
    double* am = &a(m, 0);
    const double top = *std::max_element(zm, zm + k);
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) sum += am[j] = std::exp(zm[j] - top);
    for (std::size_t j = 0; j < k; ++j) am[j] /= sum;
  }
  return a;
}

// (3.10) ∂J/∂z = a ⊙ (g − Σₖ aₖ gₖ) per sample: Jᵀg with Jᵢⱼ = aᵢ([i = j] − aⱼ).
Matrix& softmax_jacobian_product(const Matrix& a, Matrix& g) {
  for (std::size_t m = 0; m < a.shape(0); ++m) {
    double weighted = 0;  // Σₖ aₖ gₖ
    for (std::size_t j = 0; j < a.shape(1); ++j) weighted += a(m, j) * g(m, j);
    for (std::size_t j = 0; j < a.shape(1); ++j) g(m, j) = a(m, j) * (g(m, j) - weighted);
  }
  return g;
}

template <class F>
constexpr Activation elementwise(std::string_view name, Eq derivative) {
  return {name, derivative, forward_of<F>, derivative_of<F>};
}

const Activation sigmoid_entry = elementwise<Sigmoid>("sigmoid", Eq::sigmoid_derivative);
const Activation tanh_entry = elementwise<Tanh>("tanh", Eq::tanh_derivative);
const Activation relu_entry = elementwise<Relu>("relu", Eq::relu_derivative);
const Activation identity_entry = elementwise<Identity>("identity", Eq::identity_derivative);
const Activation softmax_entry{"softmax", Eq::softmax_delta, softmax_forward, nullptr,
                               softmax_jacobian_product};

const std::array<const Activation*, 5> activations{&sigmoid_entry, &tanh_entry, &relu_entry,
                                                   &identity_entry, &softmax_entry};

// The slip of --break-derivative: f′(z) taken to be a = f(z).
Matrix& broken_derivative(const Matrix&, const Matrix& a, Matrix& f_prime) {
  fit(f_prime, a.shape(0), a.shape(1));
  xt::noalias(f_prime) = a;
  return f_prime;
}

}  // namespace

Matrix Activation::f(const Matrix& z) const {
  Matrix a;
  return forward(z, a);
}

Matrix Activation::f_prime(const Matrix& z, const Matrix& a) const {
  if (!derivative) throw std::logic_error(std::string(name) + " has no element-wise derivative");
  Matrix out;
  return derivative(z, a, out);
}

Matrix& backward_into(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g,
                      Matrix& out) {
  if (!f.elementwise()) {
    fit(out, g.shape(0), g.shape(1));
    xt::noalias(out) = g;
    return f.jacobian_product(a, out);
  }
  f.derivative(z, a, out);
  xt::noalias(out) = g * out;
  return out;
}

Matrix backward(const Activation& f, const Matrix& z, const Matrix& a, const Matrix& g) {
  Matrix out;
  return backward_into(f, z, a, g, out);
}

const Activation& sigmoid() { return sigmoid_entry; }
const Activation& tanh_activation() { return tanh_entry; }
const Activation& relu() { return relu_entry; }
const Activation& identity() { return identity_entry; }
const Activation& softmax() { return softmax_entry; }

std::span<const Activation* const> all_activations() { return activations; }

const Activation& activation_named(std::string_view name) {
  return find_named(all_activations(), name, "activation");
}

Activation with_broken_derivative(const Activation& f) {
  Activation broken = f;
  broken.derivative = broken_derivative;
  broken.derivative_equation = Eq::broken_derivative;
  broken.jacobian_product = nullptr;  // the slip treats softmax as element-wise too
  return broken;
}

}  // namespace bpw
