#include "bpw/presets.hpp"

#include <array>
#include <cmath>

#include "bpw/named.hpp"

namespace bpw {
namespace {

// hours of sleep and study → test score: 2-3-1, sigmoid, ½ SSE, no biases, rows
Network sleep_study_net(std::uint64_t seed) {
  return random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, seed);
}
Dataset sleep_study_data(std::uint64_t) { return sleep_study(); }

// XOR through sigmoid layers with binary cross-entropy: δ⁽ᴸ⁾ = a⁽ᴸ⁾ − y
Network logistic_net(std::uint64_t seed) {
  return random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, cross_entropy(), true}, seed);
}
Dataset logistic_data(std::uint64_t) { return xor_data(); }

// two moons: 2-10-2, tanh then softmax, biases, L2 λ = 0.01. Weights scaled
// by 1/√inputs so that the tanh units start in their responsive range.
Network moons_net(std::uint64_t seed) {
  Network net = random_network({{2, 10, 2}, {tanh_activation(), softmax()}, softmax_cross_entropy(), true}, seed);
  for (int l = 1; l < net.L(); ++l) {
    Layer& layer = net.layer(l);
    const double scale = 1.0 / std::sqrt(static_cast<double>(layer.inputs()));
    layer.W *= scale;
    layer.b *= scale;
  }
  net.set_l2({0.01, false});
  return net;
}
Dataset moons_data(std::uint64_t seed) { return two_moons(200, 0.2, seed + 1000); }

// samples as columns: Z = W A + b, sigmoid-sigmoid with biases, MSE
Network columns_net(std::uint64_t seed) {
  return random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, mse(), true}, seed);
}

// A linear 1-4-1 network whose four hidden-to-output weights are 0.6, 0.4, 0.1 and
// 0.2 and whose output is 0.92 for a target of 1: an error of 0.08 to share out.
Network linear_errors_net(std::uint64_t) {
  std::vector<Layer> layers(2);
  layers[0].W = Matrix{{1.0, 0.6, 0.4, 0.2}};
  layers[0].f = identity();
  layers[1].W = Matrix{{0.6}, {0.4}, {0.1}, {0.2}};
  layers[1].f = identity();
  return Network(std::move(layers), sse());
}
Dataset linear_errors_data(std::uint64_t) { return {Matrix{{1.0}}, Matrix{{1.0}}, {}}; }

// The published 2-2-2 worked example: inputs 0.05, 0.10, targets 0.01, 0.99,
// weights 0.15 … 0.55 (w₁, w₂ feed hidden neuron 1: column 1 of W⁽¹⁾), biases
// 0.35 and 0.60 held fixed, ½ SSE.
Network mazur_net(std::uint64_t) {
  std::vector<Layer> layers(2);
  layers[0] = {Matrix{{0.15, 0.25}, {0.20, 0.30}}, Matrix{{0.35, 0.35}}, true, sigmoid()};
  layers[1] = {Matrix{{0.40, 0.50}, {0.45, 0.55}}, Matrix{{0.60, 0.60}}, true, sigmoid()};
  Network net(std::move(layers), sse());
  net.fix_biases(true);
  return net;
}
Dataset mazur_data(std::uint64_t) { return {Matrix{{0.05, 0.10}}, Matrix{{0.01, 0.99}}, {}}; }

// The worked example's one sample to train on; held out, 8 samples whose inputs
// are the example's moved by noise of 0.05, with the same targets.
Split mazur_held_out(std::uint64_t seed) {
  const Dataset one = mazur_data(seed);
  const Matrix jitter = standard_normal(8, 2, seed + 3000);
  Dataset near{Matrix(0.05 * jitter), Matrix({8, std::size_t{2}}), {}};
  for (std::size_t m = 0; m < 8; ++m) {
    for (std::size_t c = 0; c < 2; ++c) near.X(m, c) += one.X(0, c);
    near.y(m, 0) = one.y(0, 0);
    near.y(m, 1) = one.y(0, 1);
  }
  return {one, near};
}

Split sleep_study_held_out(std::uint64_t) { return sleep_study_extended(); }

// XOR's four corners, each drawn a few times with noise: 2 per corner to train
// on, 10 per corner held out.
Split noisy_xor_held_out(std::uint64_t seed) {
  return {noisy_xor(2, 0.15, seed + 2000), noisy_xor(10, 0.15, seed + 3000)};
}

// 30 moons points to train on, 200 held out, both with noise 0.3.
Split moons_held_out(std::uint64_t seed) {
  return {two_moons(30, 0.3, seed + 2000), two_moons(200, 0.3, seed + 3000)};
}

// y = 0.9 x with noise of 0.05: 4 points to train on, 12 held out.
Split line_held_out(std::uint64_t seed) {
  const auto line = [](std::size_t n, double from, double to, std::uint64_t s) {
    Matrix X({n, std::size_t{1}});
    for (std::size_t i = 0; i < n; ++i) X(i, 0) = from + (to - from) * static_cast<double>(i) / static_cast<double>(n - 1);
    const Matrix noise = standard_normal(n, 1, s);
    return Dataset{X, Matrix(0.9 * X + 0.05 * noise), {}};
  };
  return {line(4, 0.2, 1.0, seed + 2000), line(12, 0.1, 1.1, seed + 3000)};
}

const std::array presets{
    Preset{"sleep-study", "2-3-1 sigmoid, ½ SSE, no biases, samples as rows: sleep and study → score (the default)",
           sleep_study_net, sleep_study_data, 2.0, 0.5, sleep_study_held_out},
    Preset{"logistic", "2-3-1 sigmoid with biases and binary cross-entropy on XOR: δ = a − y",
           logistic_net, logistic_data, 0.5, 0.5, noisy_xor_held_out},
    Preset{"moons", "2-10-2 tanh then softmax, biases, L2 λ = 0.01, on 200 two-moons points (noise 0.2)",
           moons_net, moons_data, 0.01, 0.005, moons_held_out},
    Preset{"columns", "samples as columns, Z = W A + b: 2-3-1 sigmoid with biases and MSE, ∂J/∂A = 2(A − y)/M",
           columns_net, sleep_study_data, 2.0, 0.5, sleep_study_held_out, Layout::columns},
    Preset{"linear-errors", "a linear 1-4-1 network: an output error of 0.08 shared back in proportion to the weights",
           linear_errors_net, linear_errors_data, 0.1, 0.1, line_held_out, Layout::rows, false},
    Preset{"mazur", "the published 2-2-2 worked example: inputs 0.05, 0.10, targets 0.01, 0.99, biases held fixed",
           mazur_net, mazur_data, 0.5, 0.5, mazur_held_out, Layout::rows, false},
};

const std::array<const Preset*, presets.size()> preset_list = [] {
  std::array<const Preset*, presets.size()> out{};
  for (std::size_t i = 0; i < presets.size(); ++i) out[i] = &presets[i];
  return out;
}();

}  // namespace

std::span<const Preset> all_presets() { return presets; }

const Preset& preset_named(std::string_view name) {
  return find_named(std::span<const Preset* const>(preset_list), name, "preset");
}

}  // namespace bpw
