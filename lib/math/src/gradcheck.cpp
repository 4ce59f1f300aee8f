#include "bpw/gradcheck.hpp"

#include <algorithm>
#include <cmath>

#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"
#include "bpw/train.hpp"

namespace bpw {
namespace {

// [J(p + ε) − J(p − ε)] / 2ε for every element p of `parameter`, which lives
// inside `network`; each element is restored before the next is nudged.
// `done` counts the parameters nudged so far, over the whole network; false
// when `nudged` asked to stop.
bool central_differences(Network& network, Matrix& parameter, const Dataset& data, double epsilon,
                         Matrix& n, std::size_t& done, const Nudged& nudged) {
  n = xt::zeros_like(parameter);
  for (std::size_t i = 0; i < parameter.size(); ++i) {
    const double kept = parameter.flat(i);
    parameter.flat(i) = kept + epsilon;
    const double J_plus = J_of(network, data);
    parameter.flat(i) = kept - epsilon;
    const double J_minus = J_of(network, data);
    parameter.flat(i) = kept;
    n.flat(i) = (J_plus - J_minus) / (2.0 * epsilon);
    if (nudged && !nudged(++done)) return false;
  }
  return true;
}

}  // namespace

Gradients numerical_gradients(const Network& network, const Dataset& data, double epsilon,
                              const Nudged& nudged) {
  Network copy = network;
  const int L = network.L();
  Gradients n{LayerMatrices(1, L - 1), LayerMatrices(1, L - 1)};
  for (int l = 1; l < L; ++l) {  // every n⁽ˡ⁾ shaped, so that a stopped check is still whole
    n.dW[l] = xt::zeros_like(network.layer(l).W);
    if (network.layer(l).has_bias) n.db[l] = xt::zeros_like(network.layer(l).b);
  }
  std::size_t done = 0;
  for (int l = 1; l < L; ++l) {
    Layer& layer = copy.layer(l);
    if (!central_differences(copy, layer.W, data, epsilon, n.dW[l], done, nudged)) break;
    if (layer.has_bias && !central_differences(copy, layer.b, data, epsilon, n.db[l], done, nudged))
      break;
  }
  return n;
}

std::size_t parameter_count(const Network& network) {
  std::size_t count = 0;
  for (int l = 1; l < network.L(); ++l)
    count += network.layer(l).W.size() + (network.layer(l).has_bias ? network.layer(l).b.size() : 0);
  return count;
}

std::vector<Parameter> sample_parameters(const Network& network, std::size_t count,
                                         std::uint64_t seed) {
  std::vector<Parameter> all;
  for (int l = 1; l < network.L(); ++l) {
    for (std::size_t i = 0; i < network.layer(l).W.size(); ++i) all.push_back({l, false, i});
    if (network.layer(l).has_bias)
      for (std::size_t i = 0; i < network.layer(l).b.size(); ++i) all.push_back({l, true, i});
  }
  if (count >= all.size()) return all;
  std::vector<std::size_t> order = shuffled(all.size(), seed);
  order.resize(count);
  std::sort(order.begin(), order.end());
  std::vector<Parameter> chosen;
  for (std::size_t k : order) chosen.push_back(all[k]);
  return chosen;
}

Matrix numerical_delta(const Network& network, const ForwardPass& pass, const Matrix& y, int l,
                       double epsilon) {
  Matrix z = pass.z[l];
  Matrix delta = xt::zeros_like(z);
  const Cost& cost = network.cost();
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double kept = z.flat(i);
    z.flat(i) = kept + epsilon;
    const Output plus = forward_from(network, l, z);
    z.flat(i) = kept - epsilon;
    const Output minus = forward_from(network, l, z);
    const double J_plus = cost.J(y, plus.yhat, plus.z), J_minus = cost.J(y, minus.yhat, minus.z);
    z.flat(i) = kept;
    delta.flat(i) = (J_plus - J_minus) / (2.0 * epsilon);
  }
  return delta;
}

double numerical_derivative(const Network& network, const Dataset& data, int l, bool bias,
                            std::size_t index, double epsilon) {
  Network nudged = network;
  Matrix& parameter = bias ? nudged.layer(l).b : nudged.layer(l).W;
  const double kept = parameter.flat(index);
  parameter.flat(index) = kept + epsilon;
  const double J_plus = J_of(nudged, data);
  parameter.flat(index) = kept - epsilon;
  const double J_minus = J_of(nudged, data);
  return (J_plus - J_minus) / (2.0 * epsilon);
}

double relative_error(double g, double n) {
  const double scale = std::max(std::abs(g), std::abs(n));
  return scale == 0.0 ? 0.0 : std::abs(g - n) / scale;
}

double norm_ratio(const Gradients& g, const Gradients& n) {
  double difference = 0.0, total = 0.0;
  const auto add = [&](const Matrix& gm, const Matrix& nm) {
    for (std::size_t i = 0; i < gm.size(); ++i) {
      difference += (gm.flat(i) - nm.flat(i)) * (gm.flat(i) - nm.flat(i));
      total += (gm.flat(i) + nm.flat(i)) * (gm.flat(i) + nm.flat(i));
    }
  };
  for (int l = g.dW.first(); l <= g.dW.last(); ++l) {
    add(g.dW[l], n.dW[l]);
    add(g.db[l], n.db[l]);
  }
  return total == 0.0 ? 0.0 : std::sqrt(difference) / std::sqrt(total);
}

double norm_ratio(const Matrix& g, const Matrix& n) {
  double difference = 0.0, total = 0.0;
  for (std::size_t i = 0; i < g.size(); ++i) {
    difference += (g.flat(i) - n.flat(i)) * (g.flat(i) - n.flat(i));
    total += (g.flat(i) + n.flat(i)) * (g.flat(i) + n.flat(i));
  }
  return total == 0.0 ? 0.0 : std::sqrt(difference) / std::sqrt(total);
}

Verdict verdict_for(double ratio) {
  if (!std::isfinite(ratio))
    return {false, "no verdict: ρ is not finite, so it cannot tell a right derivative from a wrong one "
                   "(the first value that was not finite is named above)"};
  if (ratio < 1e-7) return {true, "passed: backpropagation agrees with the numerical gradient"};
  if (ratio < 1e-4)
    return {false, "doubtful: close, but more than rounding (a kink such as relu at 0, or ε too large?)"};
  return {false, "failed: the analytic gradient is wrong; check each f′ and ∂J/∂ŷ"};
}

Diagnosis diagnose(double epsilon, std::span<const CheckAt> references) {
  const CheckAt* best = nullptr;
  for (const CheckAt& at : references)
    if (std::isfinite(at.ratio) && verdict_for(at.ratio).passed && (!best || at.ratio < best->ratio))
      best = &at;
  if (!best) return {Blame::derivative, 0.0};
  return {epsilon > best->epsilon ? Blame::epsilon_too_large : Blame::epsilon_too_small, best->epsilon};
}

}  // namespace bpw
