#include "bpw/chain.hpp"

#include "bpw/backprop.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {
namespace {

bool matched(const Network& network) {
  const std::string_view natural = network.cost().output_activation;
  return !natural.empty() && network.activation(network.L()).name == natural;
}

// The equation that defines δ⁽ᵏ⁾, as the chapters trace it.
Eq delta_equation(const Network& network, int k) {
  if (k < network.L()) return Eq::hidden_delta;
  if (matched(network)) return Eq::simplified_delta;
  const Activation& f = network.activation(k);
  return f.elementwise() ? Eq::output_delta : f.derivative_equation;
}

// The factors of δ⁽ᵏ⁾ₘⱼ: what made it, as the chapters trace it.
std::vector<Factor> delta_factors(const Network& network, const Deltas& d, int k, std::size_t m,
                                  std::size_t j) {
  const int L = network.L();
  const Activation& f = network.activation(k);
  // (3.11) δ = ŷ − y, or (3.10) softmax's Jacobian, where every output feeds δⱼ
  if (k == L && (matched(network) || !f.elementwise()))
    return {{{delta_equation(network, L), L, m, j, d.delta[L](m, j)}, {}}};
  const Element f_prime{f.derivative_equation, k, m, j, d.f_prime[k](m, j)};
  if (k == L)
    return {{{network.cost().gradient_equation, L, m, j, d.dJ_da[L](m, j)}, {}}, {f_prime, {}}};
  // (4.1) ∂J/∂a⁽ᵏ⁾ⱼ = Σₙ δ⁽ᵏ⁺¹⁾ₙ w⁽ᵏ⁾ⱼₙ, the sum over the units unit j feeds
  Factor back{{Eq::activation_gradient, k, m, j, d.dJ_da[k](m, j)}, {}};
  const Matrix& W = network.layer(k).W;
  for (std::size_t n = 0; n < W.shape(1); ++n)
    back.terms.push_back({{delta_equation(network, k + 1), k + 1, m, n, d.delta[k + 1](m, n)},
                          {Eq::W, k, j, n, W(j, n)}});
  return {back, {f_prime, {}}};
}

}  // namespace

WeightChain chain_of(const Network& network, const ForwardPass& pass, const Deltas& d, int l,
                     std::size_t i, std::size_t j) {
  WeightChain chain{l, i, j, {}, 0.0};
  const Matrix& a = pass.a[l];
  const Element input_of = l == 1 ? Element{Eq::X, 1, 0, i, 0.0} : Element{Eq::activation, l - 1, 0, i, 0.0};
  for (std::size_t m = 0; m < a.shape(0); ++m) {
    SampleChain sample{m, delta_factors(network, d, l + 1, m, j), 1.0};
    Element input = input_of;
    input.row = m;
    input.value = a(m, i);
    sample.factors.push_back({input, {}});
    for (const Factor& f : sample.factors) sample.value *= f.element.value;
    chain.value += sample.value;
    chain.samples.push_back(std::move(sample));
  }
  return chain;
}

}  // namespace bpw
