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
Dataset linear_errors_data(std::uint64_t) { return {Matrix{{1.0}}, Matrix{{1.0}}}; }

const std::array presets{
    Preset{"sleep-study", "2-3-1 sigmoid, ½ SSE, no biases, samples as rows: sleep and study → score (the default)",
           sleep_study_net, sleep_study_data, 2.0},
    Preset{"logistic", "2-3-1 sigmoid with biases and binary cross-entropy on XOR: δ = a − y",
           logistic_net, logistic_data, 0.5},
    Preset{"moons", "2-10-2 tanh then softmax, biases, L2 λ = 0.01, on 200 two-moons points (noise 0.2)",
           moons_net, moons_data, 0.01},
    Preset{"columns", "samples as columns, Z = W A + b: 2-3-1 sigmoid with biases and MSE, ∂J/∂A = 2(A − y)/M",
           columns_net, sleep_study_data, 2.0, Layout::columns},
    Preset{"linear-errors", "a linear 1-4-1 network: an output error of 0.08 shared back in proportion to the weights",
           linear_errors_net, linear_errors_data, 0.1},
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
