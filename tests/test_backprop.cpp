#include <cmath>

#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
#include <bpw/data.hpp>
#include <bpw/fit.hpp>
#include <bpw/errors.hpp>
#include <bpw/files.hpp>
#include <bpw/forward.hpp>
#include <bpw/gradcheck.hpp>
#include <bpw/network.hpp>

#include "step_along.hpp"

using namespace bpw;
using Approx = Catch::Detail::Approx;

namespace {

// A 2-1-1 network small enough to work by hand.
Network tiny(const Activation& output) {
  std::vector<Layer> layers(2);
  layers[0].W = Matrix{{0.5}, {0.25}};
  layers[0].f = identity();
  layers[1].W = Matrix{{2.0}};
  layers[1].f = output;
  return Network(std::move(layers), sse());
}

}  // namespace

TEST_CASE("a linear 2-1-1 network worked by hand", "[backprop][unit]") {
  const Network net = tiny(identity());
  const Dataset data{Matrix{{1.0, 2.0}}, Matrix{{1.5}}};
  // z⁽²⁾ = 1·0.5 + 2·0.25 = 1;  a⁽²⁾ = 1;  z⁽³⁾ = 1·2 = 2;  ŷ = 2
  const ForwardPass pass = forward(net, data.X);
  CHECK(pass.z[2](0, 0) == 1.0);
  CHECK(pass.yhat()(0, 0) == 2.0);
  // e = 1.5 − 2 = −0.5;  J = ½ · 0.25 = 0.125
  CHECK(J_of(net, pass, data.y) == 0.125);
  // δ⁽³⁾ = −(y − ŷ) · 1 = 0.5;  δ⁽²⁾ = δ⁽³⁾ W⁽²⁾ᵀ · 1 = 1
  const LayerMatrices delta = deltas(net, pass, data.y).delta;
  CHECK(delta[3](0, 0) == 0.5);
  CHECK(delta[2](0, 0) == 1.0);
  // ∂J/∂W⁽²⁾ = a⁽²⁾ᵀ δ⁽³⁾ = 0.5;  ∂J/∂W⁽¹⁾ = Xᵀ δ⁽²⁾ = [1, 2]ᵀ
  const Gradients g = gradients(net, pass, delta);
  CHECK((g.dW[2] == Matrix{{0.5}}));
  CHECK((g.dW[1] == Matrix{{1.0}, {2.0}}));
  // η = 0.1: W⁽²⁾ = 2 − 0.05 = 1.95;  W⁽¹⁾ = [0.5 − 0.1, 0.25 − 0.2] = [0.4, 0.05]
  Network stepped = net;
  testing::step_along(stepped, g, 0.1);
  CHECK(stepped.layer(2).W(0, 0) == Approx(1.95));
  CHECK(stepped.layer(1).W(0, 0) == Approx(0.4));
  CHECK(stepped.layer(1).W(1, 0) == Approx(0.05));
}

TEST_CASE("a sigmoid output worked by hand", "[backprop][unit]") {
  Network net = tiny(sigmoid());
  net.layer(2).W = Matrix{{0.0}};
  const Dataset data{Matrix{{1.0, 2.0}}, Matrix{{1.0}}};
  // z⁽³⁾ = 0, so ŷ = σ(0) = ½, e = ½, J = ⅛, f′ = ¼, δ⁽³⁾ = −½ · ¼ = −⅛
  const ForwardPass pass = forward(net, data.X);
  CHECK(pass.yhat()(0, 0) == 0.5);
  CHECK(J_of(net, pass, data.y) == 0.125);
  CHECK(deltas(net, pass, data.y).delta[net.L()](0, 0) == -0.125);
  // ∂J/∂W⁽²⁾ = a⁽²⁾ δ⁽³⁾ = 1 · −⅛; W⁽²⁾ = 0 sends nothing back: ∂J/∂W⁽¹⁾ = 0
  const Gradients g = backprop(net, data);
  CHECK((g.dW[2](0, 0) == -0.125));
  CHECK((g.dW[1] == Matrix{{0.0}, {0.0}}));
}

TEST_CASE("the matrix forward pass equals the index-sum forward pass", "[forward][unit]") {
  const Network net = random_network({{3, 4, 2}, {tanh_activation(), sigmoid()}, sse(), true}, 11);
  const Matrix X = standard_normal(5, 3, 12);
  CHECK(max_abs_difference(forward(net, X).yhat(), forward_by_sums(net, X)) < 1e-14);
}

TEST_CASE("layers that do not chain are refused, naming both shapes", "[network][bad-input]") {
  std::vector<Layer> layers(2);
  layers[0].W = xt::zeros<double>({2, 3});
  layers[0].f = sigmoid();
  layers[1].W = xt::zeros<double>({4, 1});
  layers[1].f = sigmoid();
  CHECK_THROWS_AS(Network(layers, sse()), ShapeError);
  CHECK_THROWS_WITH(Network(layers, sse()),
                    Catch::Contains("W⁽¹⁾ is 2×3 but W⁽²⁾ is 4×1; W⁽²⁾ needs 3 rows"));
}

TEST_CASE("the seeded generator is reproducible and standard normal", "[network][unit]") {
  CHECK((standard_normal(2, 3, 5) == standard_normal(2, 3, 5)));
  CHECK((standard_normal(2, 3, 5) != standard_normal(2, 3, 6)));
  const Matrix sample = standard_normal(200, 100, 1);
  const double mean = total(sample) / 20000.0;
  const double variance = total(Matrix((sample - mean) * (sample - mean))) / 20000.0;
  CHECK(mean == Approx(0.0).margin(0.03));
  CHECK(variance == Approx(1.0).margin(0.05));
}

TEST_CASE("the sleep-study data is scaled by its column maxima", "[data][unit]") {
  const Dataset d = sleep_study();
  // X = [[3,5],[5,1],[10,2]] / [10, 5];  y = [75, 82, 93] / 100
  CHECK((d.X == Matrix{{0.3, 1.0}, {0.5, 0.2}, {1.0, 0.4}}));
  CHECK((d.y == Matrix{{0.75}, {0.82}, {0.93}}));
}

TEST_CASE("data that does not fit the network names the equation that would fail",
          "[data][bad-input]") {
  const Network net = random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1);
  CHECK_THROWS_WITH(fit_data(net, {xt::zeros<double>({3, 4}), xt::zeros<double>({3, 1})}),
                    "(1.1) z⁽²⁾ = X W⁽¹⁾: X is 3×4 but W⁽¹⁾ is 2×3; X needs 2 columns (one per "
                    "input) or W⁽¹⁾ 4 rows");
  CHECK_THROWS_WITH(fit_data(net, {xt::zeros<double>({3, 2}), xt::zeros<double>({3, 2})}),
                    Catch::StartsWith("(2.1) e = y − ŷ: y is 3×2 but ŷ is 3×1"));
  Matrix X = xt::zeros<double>({3, 2});
  X(1, 1) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(fit_data(net, {X, xt::zeros<double>({3, 1})}),
                    Catch::Contains("NaN or infinity"));
}

TEST_CASE("a widely published 2-2-2 worked example is reproduced to every printed digit",
          "[backprop][files]") {
  // The lecture example of the README: inputs 0.05, 0.10; targets 0.01, 0.99;
  // weights 0.15 … 0.55, biases 0.35 and 0.60; ½ SSE; one step with η = 0.5.
  // Its published figures: outputs 0.75136507 and 0.772928465, total error
  // 0.298371109, and after the step w₅ … w₈ = 0.35891648, 0.408666186,
  // 0.511301270, 0.561370121 and w₁ … w₄ = 0.149780716, 0.19956143, 0.24975114,
  // 0.29950229 (the example's w₁, w₂ feed hidden neuron 1: column 1 of W⁽¹⁾).
  const std::string inputs = std::string(BPW_SOURCE_DIR) + "/tests/inputs/";
  const Network net = load_network(inputs + "lecture_network.json").network;
  const Dataset data = load_data(inputs + "lecture_data.json");
  const ForwardPass pass = forward(net, data.X);
  CHECK(pass.yhat()(0, 0) == Approx(0.75136507).margin(5e-9));
  CHECK(pass.yhat()(0, 1) == Approx(0.772928465).margin(5e-10));
  CHECK(J_of(net, pass, data.y) == Approx(0.298371109).margin(5e-10));
  Network stepped = net;
  testing::step_along(stepped, backprop(net, data), 0.5);
  const Matrix W2 = {{0.35891648, 0.511301270}, {0.408666186, 0.561370121}};
  const Matrix W1 = {{0.149780716, 0.24975114}, {0.19956143, 0.29950229}};
  CHECK(max_abs_difference(stepped.layer(2).W, W2) < 5e-9);
  CHECK(max_abs_difference(stepped.layer(1).W, W1) < 5e-9);
}

TEST_CASE("a saturated sigmoid output with cross-entropy gives δ = ŷ − y, never ∞ times 0",
          "[backprop][unit]") {
  // z = 1·30 + 1·30 = 60: σ(60) rounds to exactly 1, so ∂J/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ)) = ∞ and f′ = 0
  const Network net({Layer{Matrix{{30.0}, {30.0}}, Matrix{{0.0}}, false, sigmoid()}}, cross_entropy());
  const Matrix X = {{1.0, 1.0}, {0.01, 0.02}}, y = {{0.25}, {0.5}};
  const ForwardPass pass = forward(net, X);
  REQUIRE(pass.yhat()(0, 0) == 1.0);
  CHECK(output_saturated(net, pass));
  Deltas d = deltas_for(net);
  const Matrix delta = chain_rule_output_delta(net, pass, y, d, nullptr);
  // δ = ŷ − y: 1 − 0.25 in the saturated sample, σ(0.9) − 0.5 in the other
  CHECK(delta(0, 0) == 0.75);
  CHECK(delta(1, 0) == Catch::Detail::Approx(1.0 / (1.0 + std::exp(-0.9)) - 0.5));
  // an output that does not saturate keeps the chain rule's product
  const Network mild({Layer{Matrix{{0.3}, {0.3}}, Matrix{{0.0}}, false, sigmoid()}}, cross_entropy());
  CHECK_FALSE(output_saturated(mild, forward(mild, X)));
}
