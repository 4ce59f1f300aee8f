// The derivation steps behind the registry's equations, shown by --explain.
#include <array>
#include <stdexcept>
#include <string>

#include "bpw/equations.hpp"
#include "tokens.hpp"

namespace bpw {
namespace {

using enum Eq;

struct Explained {
  Eq id;
  std::string_view text;
};

// clang-format off
constexpr std::array explanations{
  Explained{weighted_input, "Definition: each neuron of layer l + 1 sums its inputs a⁽ˡ⁾ weighted by its column of W⁽ˡ⁾, plus its bias; the matrix product does every neuron and every sample at once."},
  Explained{activation, "Definition: the activation function acts on each weighted input of ⟦weighted_input⟧ on its own."},
  Explained{sigmoid_function, "Definition: the logistic function squashes any z into (0, 1), smoothly and always rising; its slope is ⟦sigmoid_derivative⟧."},
  Explained{softmax_function, "Definition: the exponentials make every output positive and the division makes each sample's outputs sum to 1; subtracting the row's largest z from every z first changes no ratio and keeps each e^z finite."},
  Explained{output_error, "Definition: how far each output is from its target."},
  Explained{total_cost, "Definition: the cost of the data set is the sum of the samples' costs."},
  Explained{sse_sample_cost, "Definition: half the squared errors of ⟦output_error⟧; the ½ cancels the 2 of the derivative in ⟦sse_gradient⟧."},
  Explained{mse_sample_cost, "Definition: the squared errors of ⟦output_error⟧, averaged over the M samples."},
  Explained{bce_sample_cost, "Definition: the negative log-likelihood of targets in [0, 1] under independent Bernoulli outputs ŷ."},
  Explained{softmax_ce_sample_cost, "Definition: the negative log-probability the softmax gives the target class."},
  Explained{l2_cost, "Definition: the cost ⟦total_cost⟧ plus a penalty on the squared weights; biases are left out."},
  Explained{l2_cost_mean, "Definition: the averaged cost J/M of ⟦total_cost⟧ plus the same penalty as ⟦l2_cost⟧."},
  Explained{output_delta, "Chain rule: J depends on z⁽ᴸ⁾ only through ŷ = f(z⁽ᴸ⁾) of ⟦activation⟧, element by element, so ∂J/∂z⁽ᴸ⁾ = ∂J/∂ŷ · ∂ŷ/∂z⁽ᴸ⁾: the cost's gradient (⟦sse_gradient⟧, ⟦mse_gradient⟧, …) times f′ (⟦sigmoid_derivative⟧–⟦identity_derivative⟧)."},
  Explained{sse_gradient, "Power rule on ⟦sse_sample_cost⟧: d/dŷ ½(y − ŷ)² = −(y − ŷ)."},
  Explained{mse_gradient, "Power rule on ⟦mse_sample_cost⟧: d/dŷ (1/M)(y − ŷ)² = −(2/M)(y − ŷ)."},
  Explained{sigmoid_derivative, "Quotient rule on σ(z) = 1/(1 + e⁻ᶻ): σ′ = e⁻ᶻ/(1 + e⁻ᶻ)², which equals σ(z)(1 − σ(z))."},
  Explained{tanh_derivative, "Quotient rule on tanh = sinh/cosh: tanh′ = (cosh² − sinh²)/cosh² = 1 − tanh²."},
  Explained{relu_derivative, "Piecewise: max(0, z) has slope 1 where z > 0 and 0 where z < 0; at z = 0 the workbook takes 0."},
  Explained{identity_derivative, "The identity f(z) = z has slope 1 everywhere."},
  Explained{bce_gradient, "Derivative of the logarithms in ⟦bce_sample_cost⟧: −y/ŷ + (1 − y)/(1 − ŷ), over a common denominator."},
  Explained{softmax_ce_gradient, "Derivative of −y ln ŷ in ⟦softmax_ce_sample_cost⟧: −y/ŷ."},
  Explained{softmax_delta, "Chain rule through softmax, where every ŷᵢ depends on every zⱼ: ∂J/∂zⱼ = Σᵢ ∂J/∂ŷᵢ · ŷᵢ([i = j] − ŷⱼ), which is the product shown."},
  Explained{simplified_delta, "Substitution: ⟦bce_gradient⟧ times σ′ of ⟦sigmoid_derivative⟧ cancels to ŷ − y; so does ⟦softmax_ce_gradient⟧ through ⟦softmax_delta⟧ with one-hot y."},
  Explained{activation_gradient, "Chain rule summed over paths: a⁽ˡ⁾ reaches J through every z⁽ˡ⁺¹⁾ of ⟦weighted_input⟧, with ∂zⱼ/∂aᵢ = wᵢⱼ, so ∂J/∂aᵢ = Σⱼ δⱼ wᵢⱼ: the product with the transpose."},
  Explained{hidden_delta, "Chain rule once more: ⟦activation_gradient⟧ times f′(z⁽ˡ⁾), element by element, as in ⟦output_delta⟧."},
  Explained{proportional_error, "Rule of thumb for linear networks: share each output's error among its inputs in proportion to their weights."},
  Explained{backpropagated_error, "⟦proportional_error⟧ without its denominator, which only scales; equal to −⟦activation_gradient⟧ for a linear network with ½ SSE."},
  Explained{weight_gradient, "Chain rule: wᵢⱼ enters J only through zⱼ of ⟦weighted_input⟧, with ∂zⱼ/∂wᵢⱼ = aᵢ, so ∂J/∂wᵢⱼ = Σₘ aₘᵢ δₘⱼ: the product with the transposed activations, summed over samples."},
  Explained{bias_gradient, "Chain rule: bⱼ enters zⱼ with factor 1, so ∂J/∂bⱼ = Σₘ δₘⱼ."},
  Explained{l2_weight_gradient, "Sum rule on ⟦l2_cost⟧: the data term gives ⟦weight_gradient⟧, the penalty (λ/2)W² gives λW."},
  Explained{l2_weight_gradient_mean, "Sum rule on ⟦l2_cost_mean⟧: the data term's gradient ⟦weight_gradient⟧ is divided by M, the penalty gives λW."},
  Explained{bias_gradient_mean, "⟦bias_gradient⟧ divided by M, as the data term of ⟦l2_cost_mean⟧ is; biases carry no penalty."},
  Explained{weight_step, "Gradient descent: move against the gradient ⟦weight_gradient⟧, scaled by the learning rate η."},
  Explained{weight_update, "Apply the step ⟦weight_step⟧: for small η, J falls by about η‖∂J/∂W‖²."},
  Explained{bias_step, "As ⟦weight_step⟧, for the biases of ⟦bias_gradient⟧."},
  Explained{bias_update, "Apply the step ⟦bias_step⟧."},
  Explained{momentum_velocity, "Definition: the velocity v keeps a running sum of the steps of ⟦weight_step⟧, each older one shrunk by μ, so steps that agree add up and steps that disagree cancel."},
  Explained{momentum_update, "Definition: the weights move by the velocity of ⟦momentum_velocity⟧ instead of by the single step of ⟦weight_step⟧; μ = 0 gives back ⟦weight_update⟧."},
  Explained{cost_after_step, "The cost ⟦total_cost⟧ of the network after the step ⟦weight_update⟧: below J before it when η is small enough."},
  Explained{numerical_weight_gradient, "Central difference: the Taylor series of J(w ± ε) cancels the even terms, leaving ∂J/∂w + O(ε²)."},
  Explained{numerical_bias_gradient, "Central difference, as ⟦numerical_weight_gradient⟧, for each bias."},
  Explained{relative_error, "Compares ⟦weight_gradient⟧ with ⟦numerical_weight_gradient⟧ on the scale of the larger."},
  Explained{norm_ratio, "Compares every analytic and numerical gradient at once: 0 when they agree, 1 when one is 0 or they point apart."},
  Explained{broken_derivative, "A deliberate slip: f in place of f′ in ⟦output_delta⟧ and ⟦hidden_delta⟧."},
  Explained{minibatch_gradient, "Sum rule: the cost of a batch is the sum of its samples' costs, so its gradient is ⟦weight_gradient⟧ on those rows only."},
  Explained{accuracy, "Definition: the share of samples whose largest output is the target's class."},
  Explained{training_cost, "The cost ⟦total_cost⟧ (or its regularised form) of the network as it is now, on every training sample at once: what a step of ⟦weight_step⟧ is meant to lower."},
  Explained{lbfgs_step, "Quasi-Newton: Hₖ approximates the inverse of J's Hessian from recent differences of ⟦weight_gradient⟧; αₖ comes from a line search."},
  Explained{gradient_norm, "The length of the gradient ⟦weight_gradient⟧, ⟦bias_gradient⟧ as one vector: 0 at a minimum."},
  Explained{test_cost, "The cost ⟦total_cost⟧ on samples the network was not trained on: an estimate of how it does on new data."},
};
// clang-format on

}  // namespace

std::string_view explanation_template(Eq id) {
  for (const Explained& e : explanations)
    if (e.id == id) return e.text;
  return {};
}

std::string with_numbers(std::string_view text) {
  return substitute(text, "⟦", "⟧", [&](std::string_view key) {
    const auto referenced = equation_by_key(key);
    if (!referenced)
      throw std::logic_error("'" + std::string(text) + "' names no equation '" + std::string(key) + "'");
    return "(" + std::string(equation(*referenced).number) + ")";
  });
}

std::string explanation(Eq id) { return with_numbers(explanation_template(id)); }

}  // namespace bpw
