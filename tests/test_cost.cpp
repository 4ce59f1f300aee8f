#include <catch2/catch.hpp>

#include <bpw/cost.hpp>
#include <bpw/errors.hpp>

#include "finite_difference.hpp"

using namespace bpw;
using Approx = Catch::Detail::Approx;

// Two samples, one output: y = [1, 0], ŷ = [0.8, 0.4], so e = y − ŷ = [0.2, −0.4].
const Matrix y = {{1.0}, {0.0}};
const Matrix yhat = {{0.8}, {0.4}};

TEST_CASE("½ SSE worked by hand", "[cost][unit]") {
  // Jₘ = ½ eₘ²: ½·0.04 = 0.02 and ½·0.16 = 0.08; J = 0.10
  CHECK(sse().sample_costs(y, yhat)(0, 0) == Approx(0.02));
  CHECK(sse().sample_costs(y, yhat)(1, 0) == Approx(0.08));
  CHECK(sse().J(y, yhat) == Approx(0.10));
  // ∂J/∂ŷ = −(y − ŷ) = [−0.2, 0.4]
  CHECK(sse().dJ_dyhat(y, yhat)(0, 0) == Approx(-0.2));
  CHECK(sse().dJ_dyhat(y, yhat)(1, 0) == Approx(0.4));
}

TEST_CASE("MSE worked by hand", "[cost][unit]") {
  // M = 2: Jₘ = eₘ²/2: 0.02 and 0.08; J = 0.10; ∂J/∂ŷ = −(2/2)(y − ŷ) = [−0.2, 0.4]
  CHECK(mse().sample_costs(y, yhat)(1, 0) == Approx(0.08));
  CHECK(mse().J(y, yhat) == Approx(0.10));
  CHECK(mse().dJ_dyhat(y, yhat)(1, 0) == Approx(0.4));
  // With three samples the two costs part: MSE divides by M = 3, SSE by 2.
  const Matrix y3 = {{1.0}, {0.0}, {0.5}}, yhat3 = {{0.0}, {0.0}, {0.5}};
  CHECK(mse().J(y3, yhat3) == Approx(1.0 / 3.0));
  CHECK(sse().J(y3, yhat3) == Approx(0.5));
}

TEST_CASE("every cost's gradient matches finite differences and J is the sum of Jₘ",
          "[cost][gradcheck]") {
  const Matrix targets = {{0.2, 0.9}, {0.4, 0.1}, {0.7, 0.3}};
  const Matrix outputs = {{0.25, 0.6}, {0.8, 0.15}, {0.5, 0.35}};
  for (const Cost* cost : all_costs()) {
    INFO("cost " << cost->name);
    const Matrix numerical = testing::gradient_by_differences(
        [&](const Matrix& o) { return cost->J(targets, o); }, outputs);
    const auto mismatch = first_mismatch(cost->dJ_dyhat(targets, outputs), numerical, 1e-8);
    CHECK_FALSE(mismatch.has_value());
    CHECK(total(cost->sample_costs(targets, outputs)) == Approx(cost->J(targets, outputs)));
  }
}

TEST_CASE("an unknown cost names the known ones", "[cost][bad-input]") {
  CHECK(cost_named("mse").name == "mse");
  CHECK_THROWS_WITH(cost_named("l1"), "unknown cost \"l1\"; choose one of sse, mse");
}
