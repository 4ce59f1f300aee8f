#include "bpw/network.hpp"

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "bpw/errors.hpp"
#include "bpw/superscript.hpp"

namespace bpw {

Network::Network(std::vector<Layer> layers, Cost cost)
    : layers_(std::move(layers)), cost_(cost) {
  if (layers_.empty()) throw UsageError("the network has no layers; give it at least one W");
  for (std::size_t i = 0; i + 1 < layers_.size(); ++i)
    if (!layers_[i].f.elementwise())
      throw UsageError(fmt::format("layer {} uses {}, which belongs to the output layer only; use "
                                   "tanh, sigmoid or relu there", i + 1, layers_[i].f.name));
  const std::string_view output = layers_.back().f.name, natural = cost_.output_activation;
  if (!natural.empty() && output != natural)
    throw UsageError(fmt::format("the cost {} is written for {} outputs, but the output layer uses "
                                 "{}; use {} there, or the cost sse",
                                 cost_.name, natural, output, natural));
  for (std::size_t i = 0; i < layers_.size(); ++i) check_layer(i);
}

void Network::check_layer(std::size_t i) {
  const int l = static_cast<int>(i) + 1;
  Layer& layer = layers_[i];
  const std::string W = at_layer("W", l), b = at_layer("b", l);
  if (layer.W.size() == 0)
    throw ShapeError(fmt::format("layer {}: {} is empty; give it at least one row and one column", l, W));
  if (!all_finite(layer.W))
    throw UsageError(fmt::format("layer {}: {} contains NaN or infinity; every weight must be a "
                                 "finite number", l, W));
  if (layer.b.size() == 0) {
    layer.b = xt::zeros<double>({std::size_t{1}, layer.outputs()});
    layer.has_bias = false;
  }
  if (shape_of(layer.b) != Shape{1, layer.outputs()})
    throw ShapeError(fmt::format("layer {}: {} has {} entries but {} is {}; b needs one entry per "
                                 "column of W", l, b, layer.b.size(), W, to_string(shape_of(layer.W))));
  if (!all_finite(layer.b))
    throw UsageError(fmt::format("layer {}: {} contains NaN or infinity; every bias must be a finite "
                                 "number", l, b));
  if (i == 0 || layers_[i - 1].outputs() == layer.inputs()) return;
  const Matrix& before = layers_[i - 1].W;
  throw ShapeError(fmt::format("layers {} and {} do not chain: {} is {} but {} is {}; {} needs {} "
                               "rows, one per output of the layer before",
                               l - 1, l, at_layer("W", l - 1), to_string(shape_of(before)), W,
                               to_string(shape_of(layer.W)), W, before.shape(1)));
}

const Layer& Network::layer(int l) const {
  if (l < 1 || l >= L())
    throw std::out_of_range(fmt::format("weight layer {} does not exist", l));
  return layers_[static_cast<std::size_t>(l - 1)];
}

Layer& Network::layer(int l) {
  return const_cast<Layer&>(static_cast<const Network&>(*this).layer(l));
}

bool Network::has_biases() const {
  for (const Layer& layer : layers_)
    if (layer.has_bias) return true;
  return false;
}

std::vector<std::size_t> Network::sizes() const {
  std::vector<std::size_t> sizes{layers_.front().inputs()};
  for (const Layer& layer : layers_) sizes.push_back(layer.outputs());
  return sizes;
}

void Network::set_l2(L2 l2) {
  if (!std::isfinite(l2.lambda) || l2.lambda < 0)
    throw UsageError(fmt::format("λ must be zero or a positive number, not {}; it weighs the "
                                 "penalty (λ/2) Σ W²", l2.lambda));
  l2_ = l2;
}

Matrix standard_normal(std::size_t rows, std::size_t cols, std::uint64_t seed) {
  // std::normal_distribution differs between standard libraries; Box–Muller on
  // the 53-bit uniforms of mt19937_64 gives every student the same numbers.
  std::mt19937_64 engine(seed);
  const auto uniform = [&] { return (static_cast<double>(engine() >> 11) + 0.5) * 0x1.0p-53; };
  Matrix out({rows, cols});
  for (double& v : out) {
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    v = radius * std::cos(2.0 * std::numbers::pi * uniform());
  }
  return out;
}

Network random_network(const NetworkSpec& spec, std::uint64_t seed) {
  if (spec.sizes.size() < 2 || spec.activations.size() != spec.sizes.size() - 1)
    throw std::invalid_argument("a network spec needs n ≥ 2 sizes and n − 1 activations");
  std::vector<Layer> layers;
  for (std::size_t i = 0; i + 1 < spec.sizes.size(); ++i) {
    Layer layer;
    layer.W = standard_normal(spec.sizes[i], spec.sizes[i + 1], seed + 2 * i);
    if (spec.biases) layer.b = standard_normal(1, spec.sizes[i + 1], seed + 2 * i + 1);
    layer.has_bias = spec.biases;
    layer.f = spec.activations[i];
    layers.push_back(std::move(layer));
  }
  return Network(std::move(layers), spec.cost);
}

}  // namespace bpw
