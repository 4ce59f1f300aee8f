#include "exercise_settings.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/cost.hpp"

namespace bpw::exercise {
namespace {

Matrix one_hot(std::size_t rows, std::size_t classes, std::uint64_t seed) {
  const Matrix u = standard_normal(rows, classes, seed);
  Matrix y = xt::zeros<double>({rows, classes});
  for (std::size_t m = 0; m < rows; ++m) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < classes; ++k)
      if (u(m, k) > u(m, best)) best = k;
    y(m, best) = 1.0;
  }
  return y;
}

// Targets a network can reach: in [0, 1] for the cross-entropy and for a
// sigmoid output, one-hot rows for the softmax cross-entropy, in (−1, 1) for a
// tanh output, at least 0 for relu, and any number for the identity.
Matrix targets(const Network& network, std::size_t rows, std::size_t outputs, std::uint64_t seed) {
  const Matrix u = standard_normal(rows, outputs, seed);
  if (network.cost().targets == Targets::one_hot) return one_hot(rows, outputs, seed);
  const std::string_view f = network.activation(network.L()).name;
  if (network.cost().targets == Targets::unit || f == "sigmoid") return sigmoid().f(u);
  if (f == "tanh") return tanh_activation().f(u);
  if (f == "relu") return xt::abs(u);
  if (f == "softmax") return one_hot(rows, outputs, seed);
  return u;
}

}  // namespace

bool targets_in_range(const Activation& f, const Matrix& y) {
  const auto all = [&](auto&& ok) {
    for (double v : y)
      if (!ok(v)) return false;
    return true;
  };
  if (f.name == "sigmoid") return all([](double v) { return v >= 0 && v <= 1; });
  if (f.name == "tanh") return all([](double v) { return v >= -1 && v <= 1; });
  if (f.name == "relu") return all([](double v) { return v >= 0; });
  if (f.name == "softmax") {
    for (std::size_t m = 0; m < y.shape(0); ++m) {
      double sum = 0;
      for (std::size_t k = 0; k < y.shape(1); ++k) {
        if (y(m, k) < 0 || y(m, k) > 1) return false;
        sum += y(m, k);
      }
      if (std::abs(sum - 1) > 1e-12) return false;
    }
  }
  return true;
}

Matrix normal(Size s, std::uint64_t seed, double scale) {
  return scale * standard_normal(s.rows, s.cols, seed);
}

std::string shape_words(std::string_view symbol, Size s) {
  return fmt::format("{} is {}×{}", symbol, s.rows, s.cols);
}

Setting setting(std::vector<std::size_t> sizes, std::vector<std::string_view> activations,
                std::string_view cost, std::size_t samples, std::uint64_t seed, bool biases) {
  NetworkSpec spec{.sizes = sizes, .activations = {}, .cost = cost_named(cost), .biases = biases};
  std::string shape;
  for (std::size_t n : sizes) shape += (shape.empty() ? "" : "-") + std::to_string(n);
  std::string fs;
  for (std::string_view f : activations) {
    spec.activations.push_back(activation_named(f));
    fs += (fs.empty() ? "" : ", ") + std::string(f);
  }
  Network network = random_network(spec, seed);
  Dataset data{standard_normal(samples, sizes.front(), seed + 100),
               targets(network, samples, sizes.back(), seed + 200)};
  if (!targets_in_range(network.activation(network.L()), data.y))
    throw std::logic_error("exercise setting: targets outside the output activation's range");
  ForwardPass pass = forward(network, data.X);
  return {std::move(network), std::move(data), std::move(pass),
          fmt::format("a {} network ({}; cost {}{}) on {} sample{}, seed {}", shape, fs, cost,
                      biases ? "" : "; no biases", samples, samples == 1 ? "" : "s", seed)};
}

std::vector<Setting> settings() {
  std::vector<Setting> out;
  out.push_back(setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 1));
  out.push_back(setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 2));
  out.push_back(setting({2, 5, 3, 1}, {"relu", "tanh", "identity"}, "sse", 4, 3));
  out.push_back(setting({4, 3, 3}, {"sigmoid", "sigmoid"}, "cross-entropy", 6, 4));
  out.push_back(setting({3, 6, 4}, {"tanh", "softmax"}, "softmax-cross-entropy", 7, 5, false));
  return out;
}

LayerMatrices all_deltas(const Setting& s) { return deltas(s.network, s.pass, s.data.y).delta; }

Gradients all_gradients(const Setting& s) {
  return gradients(s.network, s.pass, all_deltas(s));
}

std::string at_layer(const Setting& s, int l) { return fmt::format("{}, layer l = {}", s.description, l); }

}  // namespace bpw::exercise
