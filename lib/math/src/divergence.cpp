#include "bpw/divergence.hpp"

#include <algorithm>
#include <cmath>

#include "bpw/network.hpp"

namespace bpw {

bool DivergenceWatch::diverged(double J) {
  const bool high = J > 10 * J0_ && J > 1e-8;
  above_ = high ? above_ + 1 : 0;
  return !std::isfinite(J) || (J > 1e6 * J0_ && J > 1e-8) || above_ >= window_;
}

std::size_t divergence_window(const Schedule& plan) {
  return std::clamp<std::size_t>(plan.epochs / 4, 1, 10);
}

double next_smaller_rate(double rate) {
  const double decade = std::pow(10.0, std::floor(std::log10(rate) + 1e-9));
  const double mantissa = rate / decade;  // in [1, 10)
  // 10 → 5 → 2 → 1, and any rate between goes to the series' next one below it
  const double next = mantissa > 5 + 1e-9 ? 5 : mantissa > 2 + 1e-9 ? 2 : mantissa > 1 + 1e-9 ? 1 : 0.5;
  return next * decade;
}

namespace {

// Whether `steps` steps at `eta` from `start` keep J in bounds and end below
// J0; J at the end into J_end.
bool trains(Network net, const Dataset& data, const Schedule& plan, std::uint64_t seed, double eta,
            std::size_t steps, double J0, double& J_end) {
  Trainer trainer(net);
  Batches batches(samples(data), plan, seed);
  DivergenceWatch watch(J0, divergence_window(plan));
  for (std::size_t step = 0; step < steps; ++step) {
    trainer.step(data, batches.rows(step), eta);
    if ((batches.ends_epoch(step) || step + 1 == steps) && watch.diverged(J_of(net, data)))
      return false;
  }
  J_end = J_of(net, data);
  return J_end < J0;
}

}  // namespace

std::optional<RateThatTrains> rate_that_trains(const Network& start, const Dataset& data,
                                               const Schedule& plan, std::uint64_t seed,
                                               double eta, std::size_t steps, double J0) {
  double rate = eta;
  for (int tries = 0; tries < 24; ++tries) {
    rate = next_smaller_rate(rate);
    double J_end = 0;
    if (trains(start, data, plan, seed, rate, steps, J0, J_end)) return RateThatTrains{rate, J_end};
  }
  return std::nullopt;
}

}  // namespace bpw
