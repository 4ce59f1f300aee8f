#include <cmath>

#include <catch2/catch.hpp>

#include <bpw/activation.hpp>
#include <bpw/cost.hpp>
#include <bpw/errors.hpp>

#include "finite_difference.hpp"

using namespace bpw;
using Approx = Catch::Detail::Approx;

// Two samples, one output: y = [1, 0], ŷ = [0.8, 0.4], so e = y − ŷ = [0.2, −0.4].
// sse and mse do not look at z; a linear output has z = ŷ.
const Matrix y = {{1.0}, {0.0}};
const Matrix yhat = {{0.8}, {0.4}};

TEST_CASE("½ SSE worked by hand", "[cost][unit]") {
  // Jₘ = ½ eₘ²: ½·0.04 = 0.02 and ½·0.16 = 0.08; J = 0.10
  CHECK(sse().sample_costs(y, yhat, yhat)(0, 0) == Approx(0.02));
  CHECK(sse().sample_costs(y, yhat, yhat)(1, 0) == Approx(0.08));
  CHECK(sse().J(y, yhat, yhat) == Approx(0.10));
  // ∂J/∂ŷ = −(y − ŷ) = [−0.2, 0.4]
  CHECK(sse().dJ_dyhat(y, yhat)(0, 0) == Approx(-0.2));
  CHECK(sse().dJ_dyhat(y, yhat)(1, 0) == Approx(0.4));
}

TEST_CASE("MSE worked by hand", "[cost][unit]") {
  // M = 2: Jₘ = eₘ²/2: 0.02 and 0.08; J = 0.10; ∂J/∂ŷ = −(2/2)(y − ŷ) = [−0.2, 0.4]
  CHECK(mse().sample_costs(y, yhat, yhat)(1, 0) == Approx(0.08));
  CHECK(mse().J(y, yhat, yhat) == Approx(0.10));
  CHECK(mse().dJ_dyhat(y, yhat)(1, 0) == Approx(0.4));
  // With three samples the two costs part: MSE divides by M = 3, SSE by 2.
  const Matrix y3 = {{1.0}, {0.0}, {0.5}}, yhat3 = {{0.0}, {0.0}, {0.5}};
  CHECK(mse().J(y3, yhat3, yhat3) == Approx(1.0 / 3.0));
  CHECK(sse().J(y3, yhat3, yhat3) == Approx(0.5));
}

TEST_CASE("binary cross-entropy worked by hand", "[cost][unit]") {
  // z = 0 gives ŷ = ½: J = −ln ½ = ln 2 for either target; ∂J/∂ŷ = (½ − 1)/(½·½) = −2
  const Matrix z = {{0.0}}, half = sigmoid().f(z);
  CHECK(cross_entropy().J(Matrix{{1.0}}, half, z) == Approx(std::log(2.0)));
  CHECK(cross_entropy().J(Matrix{{0.0}}, half, z) == Approx(std::log(2.0)));
  CHECK(cross_entropy().dJ_dyhat(Matrix{{1.0}}, half)(0, 0) == Approx(-2.0));
  // z = ln 3 gives ŷ = ¾: for y = 1, J = −ln ¾
  const Matrix z3 = {{std::log(3.0)}};
  CHECK(cross_entropy().J(Matrix{{1.0}}, sigmoid().f(z3), z3) == Approx(-std::log(0.75)));
}

TEST_CASE("softmax cross-entropy worked by hand", "[cost][unit]") {
  // z = [0, ln 3]: softmax = [¼, ¾]; target class 2: J = −ln ¾; class 1: J = −ln ¼
  const Matrix z = {{0.0, std::log(3.0)}};
  const Matrix p = softmax().f(z);
  CHECK(p(0, 0) == Approx(0.25));
  CHECK(softmax_cross_entropy().J(Matrix{{0.0, 1.0}}, p, z) == Approx(-std::log(0.75)));
  CHECK(softmax_cross_entropy().J(Matrix{{1.0, 0.0}}, p, z) == Approx(-std::log(0.25)));
}

TEST_CASE("every cost's ∂J/∂ŷ matches finite differences of its textbook formula",
          "[cost][gradcheck]") {
  const Matrix targets = {{0.2, 0.8}, {1.0, 0.0}, {0.7, 0.3}};
  const Matrix outputs = {{0.25, 0.6}, {0.8, 0.15}, {0.5, 0.35}};
  // J in terms of ŷ alone, as the books write it (the library computes the
  // cross-entropies from z instead, checked below).
  const auto by_yhat = [&](const Cost& c, const Matrix& o) -> double {
    if (&c == &cross_entropy())
      return -total(Matrix(targets * xt::log(o) + (1.0 - targets) * xt::log(1.0 - o)));
    if (&c == &softmax_cross_entropy()) return -total(Matrix(targets * xt::log(o)));
    return c.J(targets, o, o);
  };
  for (const Cost* cost : all_costs()) {
    INFO("cost " << cost->name);
    const Matrix numerical = testing::gradient_by_differences(
        [&](const Matrix& o) { return by_yhat(*cost, o); }, outputs);
    CHECK_FALSE(first_mismatch(cost->dJ_dyhat(targets, outputs), numerical, 1e-8).has_value());
  }
}

TEST_CASE("through its output activation every cost's δ = ∂J/∂z matches finite differences",
          "[cost][gradcheck]") {
  const Matrix z = {{0.3, -1.2, 2.0}, {-0.4, 0.9, 0.1}};
  const Matrix one_hot = {{0.0, 0.0, 1.0}, {1.0, 0.0, 0.0}};
  const Matrix unit = {{0.1, 0.6, 1.0}, {0.0, 0.5, 0.9}};
  for (const Cost* cost : all_costs())
    for (const Activation* f : all_activations()) {
      if (!cost->output_activation.empty() && f->name != cost->output_activation) continue;
      const Matrix& t = cost->targets == Targets::one_hot ? one_hot : unit;
      INFO("cost " << cost->name << " with " << f->name);
      const Matrix delta = backward(*f, z, cost->dJ_dyhat(t, f->f(z)));
      const Matrix numerical = testing::gradient_by_differences(
          [&](const Matrix& zz) { return cost->J(t, f->f(zz), zz); }, z);
      CHECK_FALSE(first_mismatch(delta, numerical, 1e-7).has_value());
      CHECK(total(cost->sample_costs(t, f->f(z), z)) == Approx(cost->J(t, f->f(z), z)));
    }
}

TEST_CASE("softmax and the cross-entropies stay finite at |z| = 1000", "[cost][unit]") {
  const Matrix z = {{1000.0, -1000.0, 0.0}, {-1000.0, 1000.0, 999.0}};
  const Matrix p = softmax().f(z);
  CHECK(all_finite(p));
  CHECK(p(0, 0) == 1.0);
  CHECK(p(1, 2) == Approx(std::exp(-1.0) / (1 + std::exp(-1.0))));
  const Matrix one_hot = {{0.0, 1.0, 0.0}, {0.0, 0.0, 1.0}};
  // −ln softmax of a class 2000 below the top is 2000, not inf; the second
  // sample's class sits 1 below the top: 1 + ln(1 + e⁻¹)
  CHECK(softmax_cross_entropy().J(one_hot, p, z) == Approx(2001.0 + std::log1p(std::exp(-1.0))));
  const Matrix s = sigmoid().f(z);
  const Matrix targets = {{0.0, 1.0, 1.0}, {1.0, 0.0, 0.0}};
  const double J = cross_entropy().J(targets, s, z);
  CHECK(std::isfinite(J));
  CHECK(J == Approx(1000 + 1000 + std::log(2.0) + 1000 + 1000 + 999));
  CHECK(all_finite(cross_entropy().sample_costs(targets, s, z)));
}

TEST_CASE("an unknown cost names the known ones", "[cost][bad-input]") {
  CHECK(cost_named("mse").name == "mse");
  CHECK_THROWS_WITH(cost_named("l1"),
                    "unknown cost \"l1\"; choose one of sse, mse, cross-entropy, softmax-cross-entropy");
}
