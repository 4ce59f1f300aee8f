// What the exercises are checked on: matrices of several shapes, and networks
// of several sizes, activations and costs with their data and forward pass.
// Private to the library.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/activation.hpp"
#include "bpw/backprop.hpp"
#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw::exercise {

struct Size {
  std::size_t rows, cols;
};
// From a single number to shapes that catch a mixed-up row and column.
inline constexpr Size sizes[] = {{1, 1}, {4, 3}, {3, 5}, {6, 2}, {2, 7}};

// N(0, scale²) entries, seeded.
Matrix normal(Size s, std::uint64_t seed, double scale = 1.0);
// "z is 4×3"
std::string shape_words(std::string_view symbol, Size s);

// A network with its data and forward pass: the setting of most exercises.
struct Setting {
  Network network;
  Dataset data;
  ForwardPass pass;
  std::string description;  // "a 3-4-2 network (tanh, sigmoid; cost sse) on 5 samples, seed 2"
};

// Whether every target lies where the output activation f can reach: [0, 1]
// for the sigmoid, [−1, 1] for tanh, [0, ∞) for relu, rows of a distribution
// for softmax, anything for the identity.
bool targets_in_range(const Activation& f, const Matrix& y);

// Weights, biases and inputs drawn from N(0, 1), targets of the kind the cost
// takes and inside the output activation's range (std::logic_error otherwise).
Setting setting(std::vector<std::size_t> sizes, std::vector<std::string_view> activations,
                std::string_view cost, std::size_t samples, std::uint64_t seed,
                bool biases = true);

// Five settings from one sample of a 2-2-2 network to a 3-6-4 softmax classifier.
std::vector<Setting> settings();

LayerMatrices all_deltas(const Setting& s);
Gradients all_gradients(const Setting& s);
// "…, layer l = 2"
std::string at_layer(const Setting& s, int l);

}  // namespace bpw::exercise
