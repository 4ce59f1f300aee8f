// Chapters 3 and 4: the output delta and the hidden deltas.
#include "bpw/backprop.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {
namespace {

bool matched(const Network& network) {
  const std::string_view natural = network.cost().output_activation;
  return !natural.empty() && network.activation(network.L()).name == natural;
}

}  // namespace

Deltas deltas_for(const Network& network) {
  const int L = network.L();
  return {LayerMatrices(2, L), LayerMatrices(2, L), LayerMatrices(2, L)};
}

const Matrix& chain_rule_output_delta(const Network& network, const ForwardPass& pass,
                                      const Matrix& y, Deltas& d, TraceSink* trace) {
  //! [output delta]
  // ∂J/∂ŷ = ∞ times f′ = 0 would make NaN of a finite δ: the cancelled form instead
  if (output_saturated(network, pass)) return output_delta(network, pass, y, d, trace);
  const int L = network.L();
  const Matrix &z = pass.z[L], &yhat = pass.yhat();
  const Cost& c = network.cost();
  const Activation& f = network.activation(L);
  const Matrix& dJ_dyhat =
      traced(trace, c.gradient_equation, L, c.gradient_into(y, yhat, d.dJ_da[L]), {y, yhat});
  if (!f.elementwise())  // (3.10) softmax: its Jacobian times ∂J/∂ŷ
    return traced(trace, f.derivative_equation, L, backward_into(f, z, yhat, dJ_dyhat, d.delta[L]),
                  {yhat, dJ_dyhat});
  const Matrix& f_prime =
      traced(trace, f.derivative_equation, L, f.derivative(z, yhat, d.f_prime[L]), {z});
  // (3.1) δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾): the chain rule through the output activation
  return traced(trace, Eq::output_delta, L, product_into(dJ_dyhat, f_prime, d.delta[L]),
                {dJ_dyhat, f_prime});
  //! [output delta]
}

const Matrix& output_delta(const Network& network, const ForwardPass& pass, const Matrix& y,
                           Deltas& d, TraceSink* trace) {
  //! [simplified delta]
  const int L = network.L();
  if (!matched(network)) return chain_rule_output_delta(network, pass, y, d, trace);
  // (3.11) the cost's 1/(ŷ(1 − ŷ)) or 1/ŷ cancels f′ exactly; computing the
  // quotient would divide by 0 where ŷ rounds to 0 or 1.
  return traced(trace, Eq::simplified_delta, L, difference_into(pass.yhat(), y, d.delta[L]),
                {pass.yhat(), y});
  //! [simplified delta]
}

const Matrix& hidden_delta(const Network& network, const ForwardPass& pass, int l, Deltas& d,
                           TraceSink* trace) {
  //! [hidden delta]
  const Matrix& W = network.layer(l).W;  // W⁽ˡ⁾ carried a⁽ˡ⁾ forward to layer l + 1
  const Matrix& delta_next = d.delta[l + 1];
  // (4.1) ∂J/∂a⁽ˡ⁾: [M x nₗ] = δ⁽ˡ⁺¹⁾ [M x n₍ₗ₊₁₎] · (W⁽ˡ⁾)ᵀ [n₍ₗ₊₁₎ x nₗ]
  const Matrix& dJ_da =
      traced(trace, Eq::activation_gradient, l, matmul_into(delta_next, W, d.dJ_da[l], false, true),
             {delta_next, W});
  const Activation& f = network.activation(l);
  const Matrix& f_prime =
      traced(trace, f.derivative_equation, l, f.derivative(pass.z[l], pass.a[l], d.f_prime[l]),
             {pass.z[l]});
  // (4.2) δ⁽ˡ⁾ = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾)
  return traced(trace, Eq::hidden_delta, l, product_into(dJ_da, f_prime, d.delta[l]),
                {dJ_da, f_prime});
  //! [hidden delta]
}

void backpropagate(const Network& network, const ForwardPass& pass, const Matrix& y, Deltas& d,
                   TraceSink* trace) {
  output_delta(network, pass, y, d, trace);
  for (int l = network.L() - 1; l >= 2; --l) hidden_delta(network, pass, l, d, trace);
}

Deltas deltas(const Network& network, const ForwardPass& pass, const Matrix& y,
              TraceSink* trace) {
  Deltas d = deltas_for(network);
  backpropagate(network, pass, y, d, trace);
  return d;
}

bool output_saturated(const Network& network, const ForwardPass& pass) {
  if (!matched(network)) return false;
  for (const double p : pass.yhat())
    if (p == 0.0 || p == 1.0) return true;
  return false;
}

}  // namespace bpw
