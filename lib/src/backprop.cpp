#include "bpw/backprop.hpp"

#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"
#include "bpw/trace.hpp"

namespace bpw {

double cost(const Network& network, const ForwardPass& pass, const Matrix& y, Tracer* trace) {
  const Cost& c = network.cost();
  const int L = network.L();
  const Matrix J_m = c.sample_costs(y, pass.yhat());
  const double J = total(J_m);
  if (trace) {
    (*trace)(Eq::output_error, L, y - pass.yhat());
    (*trace)(c.sample_equation, L, J_m);
    (*trace)(Eq::total_cost, L, Matrix{{J}});
  }
  return J;
}

Matrix output_delta(const Network& network, const ForwardPass& pass, const Matrix& y,
                    Tracer* trace) {
  const int L = network.L();
  const Layer& last = network.layer(L - 1);
  const Matrix dJ_dyhat = network.cost().dJ_dyhat(y, pass.yhat());
  const Matrix f_prime = last.f.f_prime(pass.z[L]);
  // (3.1) δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾): the chain rule through the output activation
  Matrix delta = dJ_dyhat * f_prime;
  if (trace) {
    (*trace)(network.cost().gradient_equation, L, dJ_dyhat);
    (*trace)(last.f.derivative_equation, L, f_prime);
    (*trace)(Eq::output_delta, L, delta);
  }
  return delta;
}

Matrix hidden_delta(const Network& network, const ForwardPass& pass, const Matrix& delta_next,
                    int l, Tracer* trace) {
  const Layer& out = network.layer(l);     // W⁽ˡ⁾ carries layer l forward to l + 1
  const Layer& in = network.layer(l - 1);  // its f produced a⁽ˡ⁾ from z⁽ˡ⁾
  // (4.1) ∂J/∂a⁽ˡ⁾: [M x nₗ] = δ⁽ˡ⁺¹⁾ [M x n₍ₗ₊₁₎] · (W⁽ˡ⁾)ᵀ [n₍ₗ₊₁₎ x nₗ]
  const Matrix W_T = transpose(out.W);
  const Matrix dJ_da = matmul(delta_next, W_T);
  const Matrix f_prime = in.f.f_prime(pass.z[l]);
  // (4.2) δ⁽ˡ⁾ = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾)
  Matrix delta = dJ_da * f_prime;
  if (trace) {
    (*trace)(Eq::activation_gradient, l, dJ_da, {delta_next, W_T});
    (*trace)(in.f.derivative_equation, l, f_prime);
    (*trace)(Eq::hidden_delta, l, delta);
  }
  return delta;
}

LayerMatrices deltas(const Network& network, const ForwardPass& pass, const Matrix& y,
                     Tracer* trace) {
  const int L = network.L();
  LayerMatrices delta(2, L);
  delta[L] = output_delta(network, pass, y, trace);
  for (int l = L - 1; l >= 2; --l) delta[l] = hidden_delta(network, pass, delta[l + 1], l, trace);
  return delta;
}

Gradients gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                    Tracer* trace) {
  const int L = network.L();
  Gradients g{LayerMatrices(1, L - 1), LayerMatrices(1, L - 1)};
  for (int l = L - 1; l >= 1; --l) {
    // (5.1) ∂J/∂W⁽ˡ⁾: [nₗ x n₍ₗ₊₁₎] = (a⁽ˡ⁾)ᵀ [nₗ x M] · δ⁽ˡ⁺¹⁾ [M x n₍ₗ₊₁₎]
    const Matrix a_T = transpose(pass.a[l]);
    g.dW[l] = matmul(a_T, delta[l + 1]);
    if (trace) (*trace)(Eq::weight_gradient, l, g.dW[l], {a_T, delta[l + 1]});
    if (network.layer(l).has_bias) {
      // (5.2) ∂J/∂b⁽ˡ⁾: [1 x n₍ₗ₊₁₎] = Σₘ δ⁽ˡ⁺¹⁾, the sum over samples
      g.db[l] = sum_rows(delta[l + 1]);
      if (trace) (*trace)(Eq::bias_gradient, l, g.db[l]);
    }
  }
  return g;
}

Gradients backprop(const Network& network, const Dataset& data, Tracer* trace) {
  const ForwardPass pass = forward(network, data.X, trace);
  return gradients(network, pass, deltas(network, pass, data.y, trace), trace);
}

void gradient_descent_step(Network& network, const Gradients& gradients, double eta) {
  for (int l = 1; l < network.L(); ++l) {
    Layer& layer = network.layer(l);
    layer.W -= eta * gradients.dW[l];
    if (layer.has_bias) layer.b -= eta * gradients.db[l];
  }
}

double cost_of(const Network& network, const Dataset& data) {
  return network.cost().J(data.y, forward(network, data.X).yhat());
}

}  // namespace bpw
