// A dense feed-forward network. Layers are numbered as in the book: layer 1 is the
// input, layer L the output. Weight layer l joins layer l to layer l + 1:
//   z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾,  a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾),  W⁽ˡ⁾: [inputs x outputs].
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bpw/activation.hpp"
#include "bpw/cost.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

struct Layer {
  Matrix W;               // W⁽ˡ⁾: [inputs x outputs]
  Matrix b;               // b⁽ˡ⁾: [1 x outputs]; all zeros when has_bias is false
  bool has_bias = false;  // a layer without bias neither shows nor learns b
  Activation f;           // makes a⁽ˡ⁺¹⁾ from z⁽ˡ⁺¹⁾; Network::activation(l + 1) names it so

  std::size_t inputs() const { return W.shape(0); }
  std::size_t outputs() const { return W.shape(1); }
};

// L2 regularisation: J̃ = J + (λ/2) Σ ‖W‖² (2.7), or with `averaged` the
// per-sample form J̃ = J/M + (λ/2) Σ ‖W‖² (2.8). Biases are not penalised.
struct L2 {
  double lambda = 0.0;
  bool averaged = false;
  bool active() const { return lambda != 0.0 || averaged; }
};

class Network {
 public:
  // Throws ShapeError when the layers do not chain, and UsageError on NaN or
  // infinity, naming the layer.
  Network(std::vector<Layer> layers, Cost cost);

  // Number of layers of neurons, input layer included: 3 for a 2-3-1 network.
  int L() const { return static_cast<int>(layers_.size()) + 1; }

  // Weight layer l, 1 ≤ l < L: W⁽ˡ⁾, b⁽ˡ⁾ and the activation of layer l + 1.
  const Layer& layer(int l) const;
  Layer& layer(int l);

  // The activation of layer l, 2 ≤ l ≤ L: a⁽ˡ⁾ = f(z⁽ˡ⁾).
  const Activation& activation(int l) const { return layer(l - 1).f; }

  const Cost& cost() const { return cost_; }
  bool has_biases() const;

  // Neurons per layer, input first: {2, 3, 1}.
  std::vector<std::size_t> sizes() const;

  // Biases held fixed: the update (6.3), (6.4) and L-BFGS leave them as they are,
  // as the published 2-2-2 worked example does.
  bool biases_fixed() const { return biases_fixed_; }
  void fix_biases(bool fixed) { biases_fixed_ = fixed; }

  const L2& l2() const { return l2_; }
  // Throws UsageError for a negative or non-finite λ.
  void set_l2(L2 l2);

 private:
  // Throws ShapeError or UsageError when layer i + 1 does not hold up.
  void check_layer(std::size_t i);

  std::vector<Layer> layers_;
  Cost cost_;
  L2 l2_;
  bool biases_fixed_ = false;
};

struct NetworkSpec {
  std::vector<std::size_t> sizes;  // {2, 3, 1}
  std::vector<Activation> activations;  // one per weight layer
  Cost cost;
  bool biases = false;
};

// Weights drawn from N(0, 1) by a seeded generator that gives the same numbers on
// every platform; biases drawn the same way when the spec asks for them.
Network random_network(const NetworkSpec& spec, std::uint64_t seed);

// A seeded N(0, 1) sample, reproducible across compilers and standard libraries.
Matrix standard_normal(std::size_t rows, std::size_t cols, std::uint64_t seed);

}  // namespace bpw
