// Chapter 8: training, the steps of chapters 1–6 repeated. The Trainer runs the
// very functions the chapters trace (forward, backpropagate, gradients,
// regularize, descend), without a tracer and into buffers it keeps from step to
// step, so that no allocation grows with the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "bpw/data.hpp"
#include "bpw/matrix.hpp"
#include "bpw/traced.hpp"

namespace bpw {

class Network;

class Trainer {
 public:
  explicit Trainer(Network& network);
  ~Trainer();
  Trainer(Trainer&&) noexcept;

  // One step on the samples `rows` of `data`:
  //   W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂J/∂W⁽ˡ⁾,  b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂J/∂b⁽ˡ⁾
  // with J the network's cost on those M samples (J/M in the averaged L2 form,
  // plus the L2 penalty when λ > 0).
  // Traced in full when given a sink.
  void step(const Dataset& data, std::span<const std::size_t> rows, double eta,
            TraceSink* trace = nullptr);

 private:
  struct Workspace;
  Network* network_;
  std::unique_ptr<Workspace> workspace_;
};

// How long, and in what steps: `batch` samples per step (all of them for
// full-batch gradient descent), `per_epoch` steps per pass over the data,
// `steps` in all, over `epochs` passes (the last one perhaps partial).
struct Schedule {
  std::size_t batch = 0;
  std::size_t per_epoch = 0;
  std::size_t steps = 0;
  std::size_t epochs = 0;
};

// What the learner asked for, 0 where nothing was given.
struct ScheduleRequest {
  std::size_t epochs = 0;
  std::size_t iterations = 0;
  std::size_t batch = 0;
};

// The training defaults: data from files (IDX, CSV) trains in mini-batches of
// 64 for five epochs; the small presets take `default_iterations` full-batch
// steps. Throws UsageError for a batch larger than the data, or a run whose
// steps cannot be counted.
Schedule schedule_for(const ScheduleRequest& request, std::size_t samples, bool from_files,
                      std::size_t default_iterations);

// The rows of each step: every epoch a fresh seeded order (mini-batches), or
// the samples as given (full batch).
class Batches {
 public:
  Batches(std::size_t samples, const Schedule& schedule, std::uint64_t seed);
  // The rows of step `step`, counted from 0, steps in order.
  std::span<const std::size_t> rows(std::size_t step);
  std::size_t epoch_of(std::size_t step) const { return step / schedule_.per_epoch; }
  // Whether step `step` is the last of its epoch or of the run.
  bool ends_epoch(std::size_t step) const;

 private:
  std::size_t samples_;
  Schedule schedule_;
  std::uint64_t seed_;
  std::vector<std::size_t> order_;
};

// The order of the samples for one epoch: 0 … M−1 shuffled by a seeded generator
// that gives the same order on every platform.
std::vector<std::size_t> shuffled(std::size_t samples, std::uint64_t seed);

// The seed of epoch `epoch` of a run seeded `seed`: a separate stream for every
// pair, so that runs with neighbouring seeds do not share their epochs' orders.
std::uint64_t epoch_seed(std::uint64_t seed, std::size_t epoch);

// Whether the targets are classes: one-hot rows, or a single column of 0s and 1s.
bool has_classes(const Dataset& data);

// J (or J̃) and, when the targets are classes, the accuracy: the network run
// over the data a few thousand samples at a time.
struct Evaluation {
  double J;
  std::optional<double> accuracy;
};
Evaluation evaluate(const Network& network, const Dataset& data);

// J (J̃ with L2) of the network on a data set, untraced.
double J_of(const Network& network, const Dataset& data);

// The fraction of samples classified right: the largest output against the
// one-hot target, or for a single output, ŷ ≥ ½ against y ≥ ½.
double accuracy(const Network& network, const Dataset& data);

// A data set split in two, with a seeded shuffle: the last `test_fraction` of
// the samples become the test set.
Split split(const Dataset& data, double test_fraction, std::uint64_t seed);

}  // namespace bpw
