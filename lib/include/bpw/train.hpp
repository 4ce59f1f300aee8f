// Chapter 8: training, the steps of chapters 1–6 repeated. The Trainer takes the
// same gradient-descent step as forward(), deltas(), gradients() and
// gradient_descent_step(), but into buffers it keeps from step to step, with
// each weight update a single in-place GEMM: no allocation grows with the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "bpw/data.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;

class Trainer {
 public:
  explicit Trainer(Network& network);
  ~Trainer();
  Trainer(Trainer&&) noexcept;

  // One step on the samples `rows` of `data`:
  //   W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂J/∂W⁽ˡ⁾,  b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂J/∂b⁽ˡ⁾
  // with J the network's cost on those samples (J/B in the averaged L2 form, B
  // the number of rows, plus the L2 penalty when λ > 0).
  void step(const Dataset& data, std::span<const std::size_t> rows, double eta);

 private:
  struct Buffers;
  Network* network_;
  std::unique_ptr<Buffers> buffers_;
};

// The order of the samples for one epoch: 0 … M−1 shuffled by a seeded generator
// that gives the same order on every platform.
std::vector<std::size_t> shuffled(std::size_t samples, std::uint64_t seed);

// The seed of epoch `epoch` of a run seeded `seed`: a separate stream for every
// pair, so that runs with neighbouring seeds do not share their epochs' orders.
std::uint64_t epoch_seed(std::uint64_t seed, std::size_t epoch);

// Whether the targets are classes: one-hot rows, or a single column of 0s and 1s.
bool has_classes(const Dataset& data);

// J (or J̃) and, when the targets are classes, the accuracy, from one forward pass.
struct Evaluation {
  double cost;
  std::optional<double> accuracy;
};
Evaluation evaluate(const Network& network, const Dataset& data);

// The fraction of samples classified right: the largest output against the
// one-hot target, or for a single output, ŷ ≥ ½ against y ≥ ½.
double accuracy(const Network& network, const Dataset& data);

// A data set split in two, with a seeded shuffle: the last `test_fraction` of
// the samples become the test set.
Split split(const Dataset& data, double test_fraction, std::uint64_t seed);

// The rows `rows` of a data set, as a data set.
Dataset rows_of(const Dataset& data, std::span<const std::size_t> rows);

}  // namespace bpw
