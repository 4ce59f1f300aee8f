#include <numeric>

#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
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
