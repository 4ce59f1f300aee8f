#include "bpw/backprop.hpp"

#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"
#include "bpw/trace.hpp"

namespace bpw {
namespace {

// (λ/2) Σₗ ‖W⁽ˡ⁾‖²: biases are not penalised.
double l2_penalty(const Network& network) {
  double squares = 0;
  for (int l = 1; l < network.L(); ++l) {
    const Matrix& W = network.layer(l).W;
    squares += total(Matrix(W * W));
  }
  return network.l2().lambda / 2 * squares;
}

bool simplifies(const Network& network) {
  const std::string_view natural = network.cost().output_activation;
  return !natural.empty() && network.layer(network.L() - 1).f.name == natural;
}

}  // namespace

double cost(const Network& network, const ForwardPass& pass, const Matrix& y, Tracer* trace) {
  const Cost& c = network.cost();
  const int L = network.L();
  const Matrix J_m = c.sample_costs(y, pass.yhat(), pass.z[L]);
  const double J = total(J_m);
  if (trace) {
    (*trace)(Eq::output_error, L, y - pass.yhat());
    (*trace)(c.sample_equation, L, J_m);
    (*trace)(Eq::total_cost, L, Matrix{{J}});
  }
  const L2& l2 = network.l2();
  if (!l2.active()) return J;
  // (2.7) J̃ = J + (λ/2) Σ ‖W‖²   or   (2.8) J̃ = J/M + (λ/2) Σ ‖W‖²
  const double M = static_cast<double>(y.shape(0));
  const double J_tilde = (l2.averaged ? J / M : J) + l2_penalty(network);
  if (trace) (*trace)(l2.averaged ? Eq::l2_cost_mean : Eq::l2_cost, L, Matrix{{J_tilde}});
  return J_tilde;
}

Matrix output_delta(const Network& network, const ForwardPass& pass, const Matrix& y,
                    Tracer* trace) {
  const int L = network.L();
  if (simplifies(network)) {
    // (3.11) δ⁽ᴸ⁾ = ŷ − y: the cost's 1/(ŷ(1 − ŷ)) or 1/ŷ cancels f′ exactly,
    // and computing the quotient would divide by 0 where ŷ rounds to 0 or 1.
    Matrix delta = pass.yhat() - y;
    if (trace) (*trace)(Eq::simplified_delta, L, delta);
    return delta;
  }
  const Activation& f = network.layer(L - 1).f;
  const Matrix dJ_dyhat = network.cost().dJ_dyhat(y, pass.yhat());
  if (trace) (*trace)(network.cost().gradient_equation, L, dJ_dyhat);
  if (!f.elementwise()) {
    // (3.10) softmax with another cost: its Jacobian times ∂J/∂ŷ
    Matrix delta = backward(f, pass.z[L], dJ_dyhat);
    if (trace) (*trace)(f.derivative_equation, L, delta);
    return delta;
  }
  const Matrix f_prime = f.f_prime(pass.z[L]);
  // (3.1) δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾): the chain rule through the output activation
  Matrix delta = dJ_dyhat * f_prime;
  if (trace) {
    (*trace)(f.derivative_equation, L, f_prime);
    (*trace)(Eq::output_delta, L, delta);
  }
  return delta;
}

Matrix hidden_delta(const Network& network, const ForwardPass& pass, const Matrix& delta_next,
                    int l, Tracer* trace) {
  const Layer& out = network.layer(l);     // W⁽ˡ⁾ carries layer l forward to l + 1
  const Activation& f = network.layer(l - 1).f;  // it produced a⁽ˡ⁾ from z⁽ˡ⁾
  // (4.1) ∂J/∂a⁽ˡ⁾: [M x nₗ] = δ⁽ˡ⁺¹⁾ [M x n₍ₗ₊₁₎] · (W⁽ˡ⁾)ᵀ [n₍ₗ₊₁₎ x nₗ]
  const Matrix W_T = transpose(out.W);
  const Matrix dJ_da = matmul(delta_next, W_T);
  if (trace) (*trace)(Eq::activation_gradient, l, dJ_da, {delta_next, W_T});
  // (4.2) δ⁽ˡ⁾ = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾)
  Matrix delta = backward(f, pass.z[l], dJ_da);
  if (trace) {
    if (f.elementwise()) (*trace)(f.derivative_equation, l, f.f_prime(pass.z[l]));
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

void regularize(const Network& network, Gradients& g, std::size_t samples, Tracer* trace) {
  const L2& l2 = network.l2();
  if (!l2.active()) return;
  const double scale = l2.averaged ? 1.0 / static_cast<double>(samples) : 1.0;
  for (int l = network.L() - 1; l >= 1; --l) {
    const Layer& layer = network.layer(l);
    // (5.3) ∂J̃/∂W = ∂J/∂W + λW   or   (5.4) ∂J̃/∂W = (1/M) ∂J/∂W + λW
    g.dW[l] = scale * g.dW[l] + l2.lambda * layer.W;
    if (trace) (*trace)(l2.averaged ? Eq::l2_weight_gradient_mean : Eq::l2_weight_gradient, l, g.dW[l]);
    if (layer.has_bias && l2.averaged) {
      // (5.5) ∂J̃/∂b = (1/M) ∂J/∂b: biases carry no penalty
      g.db[l] = scale * g.db[l];
      if (trace) (*trace)(Eq::bias_gradient_mean, l, g.db[l]);
    }
  }
}

Gradients backprop(const Network& network, const Dataset& data, Tracer* trace) {
  const ForwardPass pass = forward(network, data.X, trace);
  Gradients g = gradients(network, pass, deltas(network, pass, data.y, trace), trace);
  regularize(network, g, data.X.shape(0), trace);
  return g;
}

void gradient_descent_step(Network& network, const Gradients& gradients, double eta) {
  for (int l = 1; l < network.L(); ++l) {
    Layer& layer = network.layer(l);
    layer.W -= eta * gradients.dW[l];
    if (layer.has_bias) layer.b -= eta * gradients.db[l];
  }
}

Eq cost_equation(const Network& network) {
  if (!network.l2().active()) return Eq::total_cost;
  return network.l2().averaged ? Eq::l2_cost_mean : Eq::l2_cost;
}

double cost_of(const Network& network, const Dataset& data) {
  return cost(network, forward(network, data.X), data.y);
}

}  // namespace bpw
