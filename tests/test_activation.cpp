#include <cmath>

#include <catch2/catch.hpp>

#include <bpw/activation.hpp>
#include <bpw/errors.hpp>

#include "finite_difference.hpp"

using namespace bpw;
using Approx = Catch::Detail::Approx;

TEST_CASE("each activation takes its textbook values at a few points", "[activation][unit]") {
  const Matrix z = {{-2.0, 0.0, 3.0}};
  // σ(0) = 1/2; σ(3) = 1/(1 + e⁻³); σ′(0) = ½ · ½ = ¼
  const Matrix s = sigmoid().f(z);
  CHECK(s(0, 1) == 0.5);
  CHECK(s(0, 2) == Approx(1.0 / (1.0 + std::exp(-3.0))));
  CHECK(sigmoid().f_prime(z)(0, 1) == 0.25);
  // tanh′(0) = 1 − 0² = 1
  CHECK(tanh_activation().f_prime(z)(0, 1) == 1.0);
  CHECK(tanh_activation().f(z)(0, 0) == Approx(std::tanh(-2.0)));
  // relu clips negatives; its slope is 0 left of the kink and 1 right of it
  CHECK((relu().f(z) == Matrix{{0.0, 0.0, 3.0}}));
  CHECK((relu().f_prime(z) == Matrix{{0.0, 0.0, 1.0}}));
  CHECK((identity().f(z) == z));
  CHECK((identity().f_prime(z) == Matrix{{1.0, 1.0, 1.0}}));
}

TEST_CASE("every activation's derivative matches finite differences", "[activation][gradcheck]") {
  // Points away from relu's kink at 0, where the derivative does not exist.
  const Matrix z = {{-3.1, -0.7, -0.05, 0.05, 0.9, 2.6}};
  for (const Activation* f : all_activations()) {
    if (!f->elementwise()) continue;  // softmax: its Jacobian, below
    INFO("activation " << f->name);
    const Matrix analytic = f->f_prime(z);
    for (std::size_t i = 0; i < z.size(); ++i) {
      const auto f_at = [&](double x) { return f->f(Matrix{{x}})(0, 0); };
      const double numerical = (f_at(z.flat(i) + 1e-6) - f_at(z.flat(i) - 1e-6)) / 2e-6;
      CHECK(analytic.flat(i) == Approx(numerical).margin(1e-9));
    }
  }
}

TEST_CASE("softmax's Jacobian-vector product matches finite differences", "[activation][gradcheck]") {
  // For any fixed g, ∂(Σ gᵢ softmax(z)ᵢ)/∂z is Jᵀg, what backward() computes.
  const Matrix z = {{0.5, -1.0, 2.0}, {3.0, 3.0, -2.0}};
  const Matrix g = {{1.0, -2.0, 0.5}, {0.25, 4.0, -1.0}};
  const Matrix numerical = testing::gradient_by_differences(
      [&](const Matrix& zz) { return total(Matrix(g * softmax().f(zz))); }, z);
  CHECK_FALSE(first_mismatch(backward(softmax(), z, g), numerical, 1e-8).has_value());
  // Each row of softmax sums to 1: [1, 1, 1]·softmax = 1, so g = 1 gives δ = 0.
  CHECK(max_abs_difference(backward(softmax(), z, xt::ones_like(z)), xt::zeros_like(z)) < 1e-15);
}

TEST_CASE("activations are found by name, and an unknown name lists the known ones",
          "[activation][bad-input]") {
  CHECK(activation_named("tanh").name == "tanh");
  CHECK_THROWS_WITH(activation_named("sigmod"),
                    "unknown activation \"sigmod\"; choose one of sigmoid, tanh, relu, identity, softmax");
}

TEST_CASE("the broken derivative is f itself, so it is wrong for every activation",
          "[activation][unit]") {
  const Matrix z = {{0.5, 1.5}};
  for (const Activation* f : all_activations()) {
    const Activation broken = with_broken_derivative(*f);
    CHECK((broken.f_prime(z) == f->f(z)));
    if (f->elementwise()) CHECK((broken.f_prime(z) != f->f_prime(z)));
    CHECK(broken.derivative_equation == Eq::broken_derivative);
  }
}

TEST_CASE("the sigmoid's vector loop gives 1/(1 + e⁻ᶻ) everywhere, tails and extremes included",
          "[activation][unit]") {
  // 4 · 7 + 3 values: full vectors of four and of two, and a scalar tail.
  Matrix z({1, 31});
  for (std::size_t j = 0; j < z.size(); ++j) z(0, j) = -30.0 + 2.0 * static_cast<double>(j);
  z(0, 0) = -800.0;  // e⁸⁰⁰ overflows: σ = 1 / ∞ = 0
  z(0, 1) = 800.0;   // e⁻⁸⁰⁰ underflows: σ = 1
  z(0, 2) = -0.0;
  const Matrix s = sigmoid().f(z);
  CHECK(s(0, 0) == 0.0);
  CHECK(s(0, 1) == 1.0);
  CHECK(s(0, 2) == 0.5);
  for (std::size_t j = 3; j < z.size(); ++j) {
    const double scalar = 1.0 / (1.0 + std::exp(-z(0, j)));
    INFO("z = " << z(0, j));
    CHECK(std::abs(s(0, j) - scalar) <= 4e-16 * scalar);
  }
  CHECK(std::isnan(sigmoid().f(Matrix{{NAN, 0.0, 1.0, 2.0}})(0, 0)));
}
