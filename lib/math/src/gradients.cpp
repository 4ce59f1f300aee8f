// Chapters 5 and 6: the gradients, the L2 terms, and the gradient-descent update.
#include "bpw/backprop.hpp"
#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {

Gradients gradients_for(const Network& network) {
  const int L = network.L();
  return {LayerMatrices(1, L - 1), LayerMatrices(1, L - 1)};
}

void layer_gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                     int l, Gradients& g, TraceSink* trace) {
  //! [gradients]
  // (5.1) ∂J/∂W⁽ˡ⁾: [nₗ x n₍ₗ₊₁₎] = (a⁽ˡ⁾)ᵀ [nₗ x M] · δ⁽ˡ⁺¹⁾ [M x n₍ₗ₊₁₎]
  traced(trace, Eq::weight_gradient, l, matmul_into(pass.a[l], delta[l + 1], g.dW[l], true),
         {pass.a[l], delta[l + 1]});
  // (5.2) ∂J/∂b⁽ˡ⁾: [1 x n₍ₗ₊₁₎] = Σₘ δ⁽ˡ⁺¹⁾, the sum over samples
  if (network.layer(l).has_bias)
    traced(trace, Eq::bias_gradient, l, sum_rows_into(delta[l + 1], g.db[l]), {delta[l + 1]});
  //! [gradients]
}

void gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
               Gradients& g, TraceSink* trace) {
  for (int l = network.L() - 1; l >= 1; --l) layer_gradients(network, pass, delta, l, g, trace);
}

Gradients gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                    TraceSink* trace) {
  Gradients g = gradients_for(network);
  gradients(network, pass, delta, g, trace);
  return g;
}

Matrix gradient_by_samples(const ForwardPass& pass, const LayerMatrices& delta, int l) {
  const Matrix& a = pass.a[l];
  const Matrix& d = delta[l + 1];
  Matrix sum = xt::zeros<double>({a.shape(1), d.shape(1)});
  for (std::size_t m = 0; m < a.shape(0); ++m)  // sample m's (aₘ)ᵀ δₘ, added in
    for (std::size_t i = 0; i < a.shape(1); ++i)
      for (std::size_t j = 0; j < d.shape(1); ++j) sum(i, j) += a(m, i) * d(m, j);
  return sum;
}

void regularize_layer(const Network& network, int l, Gradients& g, std::size_t M,
                      TraceSink* trace) {
  //! [l2 gradients]
  const L2& l2 = network.l2();
  if (!l2.active()) return;
  const double s = l2.averaged ? 1.0 / static_cast<double>(M) : 1.0;
  const Layer& layer = network.layer(l);
  // (5.3) ∂J̃/∂W = ∂J/∂W + λW   or   (5.4) ∂J̃/∂W = (1/M) ∂J/∂W + λW
  const Eq weight_eq = l2.averaged ? Eq::l2_weight_gradient_mean : Eq::l2_weight_gradient;
  Matrix& dW = g.dW[l];
  traced(trace, weight_eq, l, l2.lambda == 0 ? scale(dW, s) : combine(dW, s, l2.lambda, layer.W),
         {dW, layer.W});
  // (5.5) ∂J̃/∂b = (1/M) ∂J/∂b: biases carry no penalty
  if (layer.has_bias && l2.averaged)
    traced(trace, Eq::bias_gradient_mean, l, scale(g.db[l], s), {g.db[l]});
  //! [l2 gradients]
}

void regularize(const Network& network, Gradients& g, std::size_t M, TraceSink* trace) {
  for (int l = network.L() - 1; l >= 1; --l) regularize_layer(network, l, g, M, trace);
}

Gradients backprop(const Network& network, const Dataset& data, TraceSink* trace) {
  const ForwardPass pass = forward(network, data.X, trace);
  Gradients g = gradients(network, pass, deltas(network, pass, data.y, trace).delta, trace);
  regularize(network, g, data.X.shape(0), trace);
  return g;
}

namespace {

// One step for the weights (6.1), (6.2) or the biases (6.3), (6.4): the step
// −η ∂J/∂θ takes the gradient's place, and θ ← θ + Δθ follows in the same
// pass over both. Both are traced at the caller's line, which computed them.
void take_step(Matrix& theta, Matrix& gradient, double eta, Eq step_eq, Eq update_eq, int l,
               TraceSink* trace, std::source_location where = std::source_location::current()) {
  const Matrix& step =
      traced(trace, step_eq, l, scale_and_add(gradient, -eta, theta), {gradient}, where);
  traced(trace, update_eq, l, theta, {theta, step}, where);
}

}  // namespace

void descend_layer(Network& network, int l, Gradients& g, double eta, TraceSink* trace) {
  //! [update]
  Layer& layer = network.layer(l);
  // (6.1) ΔW = −η ∂J/∂W into the gradient's buffer, and (6.2) W ← W + ΔW, in one pass
  take_step(layer.W, g.dW[l], eta, Eq::weight_step, Eq::weight_update, l, trace);
  if (!layer.has_bias || network.biases_fixed()) return;
  // (6.3) Δb = −η ∂J/∂b and (6.4) b ← b + Δb, the same for the biases
  take_step(layer.b, g.db[l], eta, Eq::bias_step, Eq::bias_update, l, trace);
  //! [update]
}

void descend(Network& network, Gradients& g, double eta, TraceSink* trace) {
  for (int l = 1; l < network.L(); ++l) descend_layer(network, l, g, eta, trace);
}

}  // namespace bpw
