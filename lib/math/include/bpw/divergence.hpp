// Chapter 8: telling a run that diverges from one that trains, and finding a
// learning rate that trains when one does not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "bpw/train.hpp"

namespace bpw {

class Network;

// Watches J at the end of each epoch. A run has diverged when J is not finite,
// is a million times where it started, or has stayed above ten times where it
// started for `window` measurements running (J below 10⁻⁸ never counts).
class DivergenceWatch {
 public:
  DivergenceWatch(double J0, std::size_t window) : J0_(J0), window_(window) {}
  bool diverged(double J);

 private:
  double J0_;
  std::size_t window_;
  std::size_t above_ = 0;
};

// The window for a run of this plan: a quarter of its epochs, 1 to 10.
std::size_t divergence_window(const Schedule& plan);

// The largest rate of the series …, 10, 5, 2, 1, 0.5, … strictly below `rate`.
double next_smaller_rate(double rate);

// A rate that trained, and J after its steps.
struct RateThatTrains {
  double rate;
  double J_end;
};

// The largest rate of the series below `eta` with which `steps` steps of
// `plan` (batches seeded by `seed`) from `start` keep J in bounds and end
// below J0, trying 24 rates at most; none when none of them does.
std::optional<RateThatTrains> rate_that_trains(const Network& start, const Dataset& data,
                                               const Schedule& plan, std::uint64_t seed,
                                               double eta, std::size_t steps, double J0);

}  // namespace bpw
