#include "bpw/network.hpp"

#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

#include "bpw/errors.hpp"
#include "bpw/superscript.hpp"

namespace bpw {
namespace {

std::string weight_name(std::size_t l) { return at_layer("W", static_cast<int>(l)); }
std::string bias_name(std::size_t l) { return at_layer("b", static_cast<int>(l)); }

}  // namespace

Network::Network(std::vector<Layer> layers, Cost cost)
    : layers_(std::move(layers)), cost_(cost) {
  if (layers_.empty()) throw UsageError("the network has no layers; give it at least one W");
  for (std::size_t i = 0; i + 1 < layers_.size(); ++i)
    if (!layers_[i].f.elementwise())
      throw UsageError("layer " + std::to_string(i + 1) + " uses " + std::string(layers_[i].f.name) +
                       ", which belongs to the output layer only; use tanh, sigmoid or relu there");
  const Activation& output = layers_.back().f;
  if (!cost_.output_activation.empty() && output.name != cost_.output_activation)
    throw UsageError("the cost " + std::string(cost_.name) + " is written for " +
                     std::string(cost_.output_activation) + " outputs, but the output layer uses " +
                     std::string(output.name) + "; use " + std::string(cost_.output_activation) +
                     " there, or the cost sse");
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    const std::size_t l = i + 1;
    Layer& layer = layers_[i];
    if (layer.W.size() == 0)
      throw ShapeError("layer " + std::to_string(l) + ": " + weight_name(l) +
                       " is empty; give it at least one row and one column");
    if (!all_finite(layer.W))
      throw UsageError("layer " + std::to_string(l) + ": " + weight_name(l) +
                       " contains NaN or infinity; every weight must be a finite number");
    if (layer.b.size() == 0) {
      layer.b = xt::zeros<double>({std::size_t{1}, layer.outputs()});
      layer.has_bias = false;
    }
    if (shape_of(layer.b) != Shape{1, layer.outputs()})
      throw ShapeError("layer " + std::to_string(l) + ": " + bias_name(l) + " has " +
                       std::to_string(layer.b.size()) + " entries but " + weight_name(l) +
                       " is " + to_string(shape_of(layer.W)) + "; b needs one entry per column of W");
    if (!all_finite(layer.b))
      throw UsageError("layer " + std::to_string(l) + ": " + bias_name(l) +
                       " contains NaN or infinity; every bias must be a finite number");
    if (i > 0 && layers_[i - 1].outputs() != layer.inputs())
      throw ShapeError("layers " + std::to_string(l - 1) + " and " + std::to_string(l) +
                       " do not chain: " + weight_name(l - 1) + " is " +
                       to_string(shape_of(layers_[i - 1].W)) + " but " + weight_name(l) + " is " +
                       to_string(shape_of(layer.W)) + "; " + weight_name(l) + " needs " +
                       std::to_string(layers_[i - 1].outputs()) +
                       " rows, one per output of the layer before");
  }
}

const Layer& Network::layer(int l) const {
  if (l < 1 || l >= L())
    throw std::out_of_range("weight layer " + std::to_string(l) + " does not exist");
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
    throw UsageError("λ must be zero or a positive number, not " + std::to_string(l2.lambda) +
                     "; it weighs the penalty (λ/2) Σ W²");
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
