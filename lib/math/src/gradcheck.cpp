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
Matrix central_differences(Network& network, Matrix& parameter, const Dataset& data,
                           double epsilon) {
  Matrix n = xt::zeros_like(parameter);
  for (std::size_t i = 0; i < parameter.size(); ++i) {
    const double kept = parameter.flat(i);
    parameter.flat(i) = kept + epsilon;
    const double J_plus = J_of(network, data);
    parameter.flat(i) = kept - epsilon;
    const double J_minus = J_of(network, data);
    parameter.flat(i) = kept;
    n.flat(i) = (J_plus - J_minus) / (2.0 * epsilon);
  }
  return n;
}

}  // namespace

Gradients numerical_gradients(const Network& network, const Dataset& data, double epsilon) {
  Network nudged = network;
  const int L = network.L();
  Gradients n{LayerMatrices(1, L - 1), LayerMatrices(1, L - 1)};
  for (int l = 1; l < L; ++l) {
    Layer& layer = nudged.layer(l);
    n.dW[l] = central_differences(nudged, layer.W, data, epsilon);
    if (layer.has_bias) n.db[l] = central_differences(nudged, layer.b, data, epsilon);
  }
  return n;
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

Verdict verdict_for(double ratio) {
  if (ratio < 1e-7) return {true, "passed: backpropagation agrees with the numerical gradient"};
  if (ratio < 1e-4)
    return {false, "doubtful: close, but more than rounding (a kink such as relu at 0, or ε too large?)"};
  return {false, "failed: the analytic gradient is wrong; check each f′ and ∂J/∂ŷ"};
}

}  // namespace bpw
