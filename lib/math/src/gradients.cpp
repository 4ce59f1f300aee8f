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

void descend_layer(Network& network, int l, Gradients& g, double eta, TraceSink* trace) {
  //! [update]
  Layer& layer = network.layer(l);
  const Matrix& step = traced(trace, Eq::weight_step, l, scale(g.dW[l], -eta), {g.dW[l]});  // (6.1)
  traced(trace, Eq::weight_update, l, add_into(layer.W, step), {layer.W, step});            // (6.2)
  if (!layer.has_bias || network.biases_fixed()) return;
  const Matrix& bias_step = traced(trace, Eq::bias_step, l, scale(g.db[l], -eta), {g.db[l]});
  traced(trace, Eq::bias_update, l, add_into(layer.b, bias_step), {layer.b, bias_step});
  //! [update]
}

void descend(Network& network, Gradients& g, double eta, TraceSink* trace) {
  for (int l = 1; l < network.L(); ++l) descend_layer(network, l, g, eta, trace);
}

}  // namespace bpw
