#include <algorithm>
#include <cmath>
#include <numeric>

#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
#include <bpw/divergence.hpp>
#include <bpw/errors.hpp>
#include <bpw/presets.hpp>
#include <bpw/fit.hpp>
#include <bpw/train.hpp>

#include "step_along.hpp"

using namespace bpw;

namespace {

std::vector<std::size_t> all_rows(const Dataset& d) {
  std::vector<std::size_t> rows(d.X.shape(0));
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return rows;
}

}  // namespace

TEST_CASE("a training step equals the traced chapters' step for every preset", "[train]") {
  for (const Preset& preset : all_presets()) {
    INFO("preset " << preset.name);
    const Network start = preset.network(3);
    const Dataset data = fit_data(start, preset.data(3));
    // chapters 1–6: backprop, then W ← W − η ∂J/∂W
    Network reference = start;
    testing::step_along(reference, backprop(start, data), 0.05);
    Network trained = start;
    Trainer(trained).step(data, all_rows(data), 0.05);
    for (int l = 1; l < start.L(); ++l) {
      CHECK(max_abs_difference(trained.layer(l).W, reference.layer(l).W) < 1e-13);
      CHECK(max_abs_difference(trained.layer(l).b, reference.layer(l).b) < 1e-13);
    }
  }
}

TEST_CASE("a step on a batch equals the reference step on that batch, in the averaged form",
          "[train]") {
  Network start = preset_named("moons").network(4);
  start.set_l2({0.01, true});
  const Dataset data = fit_data(start, preset_named("moons").data(4));
  const std::vector<std::size_t> batch = {5, 17, 3, 199, 42, 8};
  Network reference = start;
  testing::step_along(reference, backprop(start, rows_of(data, batch)), 0.3);
  Network trained = start;
  Trainer trainer(trained);
  trainer.step(data, batch, 0.3);
  for (int l = 1; l < start.L(); ++l)
    CHECK(max_abs_difference(trained.layer(l).W, reference.layer(l).W) < 1e-13);
}

TEST_CASE("a gathered batch of pixels is every byte divided by 255, row by row", "[train][unit]") {
  Dataset d;
  d.pixels = Pixels({256, 3});
  d.y = Matrix({256, 1});
  for (std::size_t v = 0; v < 256; ++v) {
    for (std::size_t c = 0; c < 3; ++c) d.pixels(v, c) = static_cast<std::uint8_t>((v + 85 * c) % 256);
    d.y(v, 0) = static_cast<double>(v);
  }
  std::vector<std::size_t> rows(256);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::reverse(rows.begin(), rows.end());
  Matrix X, y;
  gather(d, rows, X, y);
  REQUIRE(shape_of(X) == Shape{256, 3});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t c = 0; c < 3; ++c)
      CHECK(X(i, c) == static_cast<double>(d.pixels(rows[i], c)) / 255.0);
    CHECK(y(i, 0) == static_cast<double>(rows[i]));
  }
}

TEST_CASE("a step scaled and taken at once: g becomes s·g and m becomes m + s·g", "[train][unit]") {
  Matrix g = {{1.0, -2.0, 3.0, 4.0, 5.0}}, m = {{10.0, 10.0, 10.0, 10.0, 10.0}};
  CHECK(&scale_and_add(g, -0.5, m) == &g);
  CHECK((g == Matrix{{-0.5, 1.0, -1.5, -2.0, -2.5}}));
  CHECK((m == Matrix{{9.5, 11.0, 8.5, 8.0, 7.5}}));
  Matrix wrong = {{1.0, 2.0}};
  CHECK_THROWS_AS(scale_and_add(g, 1.0, wrong), ShapeError);
}

TEST_CASE("shuffling is seeded and a permutation; a split keeps every sample once", "[train]") {
  const auto a = shuffled(10, 1), b = shuffled(10, 1);
  CHECK(a == b);
  CHECK(a != shuffled(10, 2));
  auto sorted = a;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  const Dataset d{Matrix{{0}, {1}, {2}, {3}, {4}}, Matrix{{0}, {1}, {2}, {3}, {4}}};
  const Split s = split(d, 0.4, 9);
  CHECK(s.train.X.shape(0) == 3);
  CHECK(s.test.X.shape(0) == 2);
  CHECK(total(s.train.X) + total(s.test.X) == 10.0);
}

TEST_CASE("accuracy counts argmax matches, or ŷ ≥ ½ for one output", "[train][unit]") {
  std::vector<Layer> layers(1);
  layers[0].W = Matrix{{1.0, 0.0}, {0.0, 1.0}};
  layers[0].f = identity();
  const Network pass_through(layers, sse());
  // outputs equal the inputs: rows 1 and 3 pick the target's class, row 2 does not
  const Dataset d{Matrix{{0.9, 0.1}, {0.2, 0.8}, {0.3, 0.7}}, Matrix{{1, 0}, {1, 0}, {0, 1}}};
  CHECK(accuracy(pass_through, d) == Catch::Detail::Approx(2.0 / 3.0));
}

TEST_CASE("the rates tried after a divergence run 10, 5, 2, 1, 0.5 … down from any rate",
          "[train][unit]") {
  CHECK(next_smaller_rate(1000) == 500);
  CHECK(next_smaller_rate(500) == 200);
  CHECK(next_smaller_rate(200) == 100);
  CHECK(next_smaller_rate(1) == 0.5);
  CHECK(next_smaller_rate(0.1) == 0.05);
  CHECK(next_smaller_rate(0.05) == 0.02);
  CHECK(next_smaller_rate(3) == 2);
  CHECK(next_smaller_rate(7.5) == 5);
  CHECK(next_smaller_rate(1.5) == 1);
  CHECK(next_smaller_rate(2e-5) == 1e-5);
}

TEST_CASE("a run has diverged when J is not finite, jumps a millionfold, or stays ten times up",
          "[train][unit]") {
  DivergenceWatch jump(1.0, 3);
  CHECK_FALSE(jump.diverged(5.0));
  CHECK(jump.diverged(2e6));
  CHECK(DivergenceWatch(1.0, 3).diverged(NAN));
  CHECK(DivergenceWatch(1.0, 3).diverged(INFINITY));
  DivergenceWatch high(1.0, 3);
  CHECK_FALSE(high.diverged(20.0));
  CHECK_FALSE(high.diverged(20.0));
  CHECK(high.diverged(20.0));  // the third measurement running above 10 J0
  DivergenceWatch back(1.0, 2);
  CHECK_FALSE(back.diverged(20.0));
  CHECK_FALSE(back.diverged(0.5));  // fell back: the count starts again
  CHECK_FALSE(back.diverged(20.0));
  CHECK(back.diverged(20.0));
  DivergenceWatch tiny(1e-12, 1);
  CHECK_FALSE(tiny.diverged(1e-9));  // J below 10⁻⁸ never counts
  Schedule plan;
  plan.epochs = 100;
  CHECK(divergence_window(plan) == 10);
  plan.epochs = 2;
  CHECK(divergence_window(plan) == 1);
}
