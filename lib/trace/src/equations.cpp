// The equation registry: every traced matrix names one of these entries, and
// the book takes its numbers and its LaTeX from them (tools/bpw_book).
#include "bpw/equations.hpp"

#include <array>

namespace bpw {
namespace {

using enum Eq;

// clang-format off
constexpr std::array registry{
  // Given quantities
  Equation{.id = X, .key = "X", .number = "", .symbol = "X", .text = "X", .latex = "X",
           .page = "ch01_forward_pass",
           .index_form = "xᵢ (inputs), out_i of the input layer", .code_names = "X"},
  Equation{.id = y, .key = "y", .number = "", .symbol = "y", .text = "y", .latex = "y",
           .page = "ch02_cost", .index_form = "t_j (targets)", .code_names = "y, Y, targets"},
  Equation{.id = W, .key = "W", .number = "", .symbol = "⟨W⟩", .text = "⟨W⟩", .latex = "⟨W⟩",
           .page = "ch01_forward_pass", .index_form = "w_ij", .code_names = "W1, W2; w1 … w8"},
  Equation{.id = b, .key = "b", .number = "", .symbol = "⟨b⟩", .text = "⟨b⟩", .latex = "⟨b⟩",
           .page = "ch01_forward_pass", .index_form = "b_j", .code_names = "b1, b2"},

  // Chapter 1: the forward pass
  Equation{.id = weighted_input, .key = "weighted_input", .number = "1.1", .symbol = "⟨z+1⟩",
           .text = "⟨z+1⟩ = ⟨a⟩ ⟨W⟩⟨+b⟩", .latex = "⟨z+1⟩ = ⟨a⟩ ⟨W⟩⟨+b⟩",
           .page = "ch01_forward_pass", .layer_symbol = 'l',
           .column_text = "⟨z+1⟩ = ⟨W⟩ ⟨a⟩⟨+b⟩", .column_latex = "⟨z+1⟩ = ⟨W⟩ ⟨a⟩⟨+b⟩",
           .index_form = "net_j = Σᵢ w_ij out_i + b_j",
           .code_names = "z2, z3 (rows); Z1, Z2 (columns); net_h1, net_o1",
           .operands = "⟨a⟩ ⟨W⟩ ⟨+b⟩", .product = true},
  Equation{.id = activation, .key = "activation", .number = "1.2", .symbol = "⟨a+1⟩",
           .text = "⟨a+1⟩ = f(⟨z+1⟩)", .latex = "⟨a+1⟩ = f(⟨z+1⟩)",
           .page = "ch01_forward_pass", .layer_symbol = 'l',
           .index_form = "out_j = f(net_j)", .code_names = "a2, yHat (rows); A1, A2 (columns); out_h1, out_o1",
           .operands = "⟨z+1⟩"},
  Equation{.id = sigmoid_function, .key = "sigmoid_function", .number = "1.3", .symbol = "σ(⟨z⟩)",
           .text = "σ(⟨z⟩) = 1 / (1 + e^(−⟨z⟩))", .latex = "\\sigma(⟨z⟩) = \\frac{1}{1 + e^{-⟨z⟩}}",
           .page = "ch01_forward_pass", .layer_symbol = 'l',
           .index_form = "out_j = 1 / (1 + e^(−net_j))", .code_names = "sigmoid(z), 1 / (1 + np.exp(-z))",
           .operands = "⟨z⟩"},
  Equation{.id = softmax_function, .key = "softmax_function", .number = "1.4", .symbol = "ŷ",
           .text = "ŷₘₖ = e^(⟨z⟩ₘₖ) / Σⱼ e^(⟨z⟩ₘⱼ)",
           .latex = "\\hat{y}_{mk} = \\frac{e^{⟨z⟩_{mk}}}{\\sum_{j} e^{⟨z⟩_{mj}}}",
           .page = "ch01_forward_pass", .layer_symbol = 'L',
           .column_text = "ŷₖₘ = e^(⟨z⟩ₖₘ) / Σⱼ e^(⟨z⟩ⱼₘ)",
           .column_latex = "\\hat{y}_{km} = \\frac{e^{⟨z⟩_{km}}}{\\sum_{j} e^{⟨z⟩_{jm}}}",
           .index_form = "o_j = e^(net_j) / Σₖ e^(net_k)",
           .code_names = "softmax(z), np.exp(z - z.max(1, keepdims=True)) / sum",
           .operands = "⟨z⟩"},

  // Chapter 2: the cost
  Equation{.id = output_error, .key = "output_error", .number = "2.1", .symbol = "e",
           .text = "e = y − ŷ", .latex = "e = y - \\hat{y}", .page = "ch02_cost", .layer_symbol = 'L',
           .index_form = "e_j = t_j − o_j", .code_names = "error, y - yHat, output_errors",
           .operands = "y ⟨a⟩"},
  Equation{.id = total_cost, .key = "total_cost", .number = "2.2", .symbol = "J",
           .text = "J = Σₘ Jₘ", .latex = "J = \\sum_{m} J_m", .page = "ch02_cost", .layer_symbol = 'L',
           .index_form = "E_total = Σ E", .code_names = "J, cost, loss, E_total",
           .operands = "Jₘ"},
  Equation{.id = sse_sample_cost, .key = "sse_sample_cost", .number = "2.3", .symbol = "Jₘ",
           .text = "Jₘ = ½ Σₖ eₘₖ²",
           .latex = "J_m = \\frac{1}{2} \\sum_{k} e_{mk}^2",
           .page = "ch02_cost", .layer_symbol = 'L',
           .column_text = "Jₘ = ½ Σₖ eₖₘ²",
           .column_latex = "J_m = \\frac{1}{2} \\sum_{k} e_{km}^2",
           .index_form = "E = ½ Σⱼ (t_j − o_j)²", .code_names = "0.5 * sum((y - yHat)**2)",
           .operands = "e"},
  Equation{.id = mse_sample_cost, .key = "mse_sample_cost", .number = "2.4", .symbol = "Jₘ",
           .text = "Jₘ = (1/M) Σₖ eₘₖ²",
           .latex = "J_m = \\frac{1}{M} \\sum_{k} e_{mk}^2",
           .page = "ch02_cost", .layer_symbol = 'L',
           .column_text = "Jₘ = (1/M) Σₖ eₖₘ²",
           .column_latex = "J_m = \\frac{1}{M} \\sum_{k} e_{km}^2",
           .index_form = "E = (1/M) Σₘ Σⱼ (t_j − o_j)²", .code_names = "np.sum((A2 - Y)**2) / m (np.mean divides by m·k)",
           .operands = "e"},
  Equation{.id = bce_sample_cost, .key = "bce_sample_cost", .number = "2.5", .symbol = "Jₘ",
           .text = "Jₘ = −Σₖ [yₘₖ ln ŷₘₖ + (1 − yₘₖ) ln(1 − ŷₘₖ)]",
           .latex = "J_m = -\\sum_{k} \\left[ y_{mk} \\ln \\hat{y}_{mk} + (1 - y_{mk}) \\ln (1 - \\hat{y}_{mk}) \\right]",
           .page = "ch02_cost", .layer_symbol = 'L',
           .column_text = "Jₘ = −Σₖ [yₖₘ ln ŷₖₘ + (1 − yₖₘ) ln(1 − ŷₖₘ)]",
           .column_latex = "J_m = -\\sum_{k} \\left[ y_{km} \\ln \\hat{y}_{km} + (1 - y_{km}) \\ln (1 - \\hat{y}_{km}) \\right]",
           .index_form = "E = −Σⱼ [t_j ln o_j + (1 − t_j) ln(1 − o_j)]",
           .code_names = "logprobs, binary_crossentropy, log_loss",
           .operands = "y ⟨z⟩"},
  Equation{.id = softmax_ce_sample_cost, .key = "softmax_ce_sample_cost", .number = "2.6", .symbol = "Jₘ",
           .text = "Jₘ = −Σₖ yₘₖ ln ŷₘₖ",
           .latex = "J_m = -\\sum_{k} y_{mk} \\ln \\hat{y}_{mk}",
           .page = "ch02_cost", .layer_symbol = 'L',
           .column_text = "Jₘ = −Σₖ yₖₘ ln ŷₖₘ",
           .column_latex = "J_m = -\\sum_{k} y_{km} \\ln \\hat{y}_{km}",
           .index_form = "E = −Σⱼ t_j ln o_j",
           .code_names = "-np.log(probs[range(N), y]), cross_entropy, nll",
           .operands = "y ⟨z⟩"},
  Equation{.id = l2_cost, .key = "l2_cost", .number = "2.7", .symbol = "J̃",
           .text = "J̃ = J + (λ/2) Σₗ ‖W⁽ˡ⁾‖²",
           .latex = "\\tilde{J} = J + \\frac{\\lambda}{2} \\sum_{l} \\lVert W^{(l)} \\rVert^2",
           .page = "ch02_cost", .layer_symbol = 'L',
           .index_form = "E + (λ/2) Σ w_ij²", .code_names = "J + reg_lambda/2 * (sum(W1**2) + sum(W2**2))"},
  Equation{.id = l2_cost_mean, .key = "l2_cost_mean", .number = "2.8", .symbol = "J̃",
           .text = "J̃ = J/M + (λ/2) Σₗ ‖W⁽ˡ⁾‖²",
           .latex = "\\tilde{J} = \\frac{J}{M} + \\frac{\\lambda}{2} \\sum_{l} \\lVert W^{(l)} \\rVert^2",
           .page = "ch02_cost", .layer_symbol = 'L',
           .index_form = "E/M + (λ/2) Σ w_ij²", .code_names = "J/X.shape[0] + Lambda/2 * (sum(W1**2) + sum(W2**2))"},

  // Chapter 3: the output delta
  Equation{.id = output_delta, .key = "output_delta", .number = "3.1", .symbol = "⟨d⟩",
           .text = "⟨d⟩ = ∂J/∂ŷ ⊙ f′(⟨z⟩)",
           .latex = "⟨d⟩ = \\frac{\\partial J}{\\partial \\hat{y}} \\odot f'(⟨z⟩)",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "δ_j = ∂E/∂o_j · f′(net_j)", .code_names = "delta3 (rows); dZ2 (columns); delta_o",
           .operands = "∂J/∂ŷ f′(⟨z⟩)"},
  Equation{.id = sse_gradient, .key = "sse_gradient", .number = "3.2", .symbol = "∂J/∂ŷ",
           .text = "∂J/∂ŷ = −(y − ŷ)",
           .latex = "\\frac{\\partial J}{\\partial \\hat{y}} = -(y - \\hat{y})",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "∂E/∂o_j = −(t_j − o_j)", .code_names = "-(y - yHat)",
           .operands = "y ⟨a⟩"},
  Equation{.id = mse_gradient, .key = "mse_gradient", .number = "3.3", .symbol = "∂J/∂ŷ",
           .text = "∂J/∂ŷ = −(2/M) (y − ŷ)",
           .latex = "\\frac{\\partial J}{\\partial \\hat{y}} = -\\frac{2}{M} (y - \\hat{y})",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "∂E/∂o_j = −(2/M)(t_j − o_j)", .code_names = "dA2 = 2 * (A2 - Y) / m",
           .operands = "y ⟨a⟩"},
  Equation{.id = sigmoid_derivative, .key = "sigmoid_derivative", .number = "3.4", .symbol = "f′(⟨z⟩)",
           .text = "f′(⟨z⟩) = σ(⟨z⟩) ⊙ (1 − σ(⟨z⟩))",
           .latex = "f'(⟨z⟩) = \\sigma(⟨z⟩) \\odot (1 - \\sigma(⟨z⟩))", .page = "ch03_output_delta",
           .index_form = "∂out_j/∂net_j = out_j (1 − out_j)", .code_names = "sigmoidPrime(z3), A * (1 - A)",
           .operands = "⟨z⟩"},
  Equation{.id = tanh_derivative, .key = "tanh_derivative", .number = "3.5", .symbol = "f′(⟨z⟩)",
           .text = "f′(⟨z⟩) = 1 − tanh²(⟨z⟩)",
           .latex = "f'(⟨z⟩) = 1 - \\tanh^2(⟨z⟩)", .page = "ch03_output_delta",
           .index_form = "∂out_j/∂net_j = 1 − out_j²", .code_names = "1 - np.power(a1, 2)",
           .operands = "⟨z⟩"},
  Equation{.id = relu_derivative, .key = "relu_derivative", .number = "3.6", .symbol = "f′(⟨z⟩)",
           .text = "f′(⟨z⟩) = [⟨z⟩ > 0]", .latex = "f'(⟨z⟩) = [⟨z⟩ > 0]", .page = "ch03_output_delta",
           .index_form = "∂out_j/∂net_j = 1 if net_j > 0, else 0", .code_names = "dZ[Z <= 0] = 0",
           .operands = "⟨z⟩"},
  Equation{.id = identity_derivative, .key = "identity_derivative", .number = "3.7", .symbol = "f′(⟨z⟩)",
           .text = "f′(⟨z⟩) = 1", .latex = "f'(⟨z⟩) = 1", .page = "ch03_output_delta",
           .index_form = "∂out_j/∂net_j = 1", .code_names = "(linear layer: no factor)",
           .operands = "⟨z⟩"},
  Equation{.id = bce_gradient, .key = "bce_gradient", .number = "3.8", .symbol = "∂J/∂ŷ",
           .text = "∂J/∂ŷ = (ŷ − y) / (ŷ ⊙ (1 − ŷ))",
           .latex = "\\frac{\\partial J}{\\partial \\hat{y}} = \\frac{\\hat{y} - y}{\\hat{y} \\odot (1 - \\hat{y})}",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "∂E/∂o_j = −t_j/o_j + (1 − t_j)/(1 − o_j)",
           .code_names = "dA2 = -(Y/A2 - (1 - Y)/(1 - A2))",
           .operands = "y ⟨a⟩"},
  Equation{.id = softmax_ce_gradient, .key = "softmax_ce_gradient", .number = "3.9", .symbol = "∂J/∂ŷ",
           .text = "∂J/∂ŷ = −y / ŷ",
           .latex = "\\frac{\\partial J}{\\partial \\hat{y}} = -\\frac{y}{\\hat{y}}",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "∂E/∂o_j = −t_j / o_j", .code_names = "-Y / A",
           .operands = "y ⟨a⟩"},
  Equation{.id = softmax_delta, .key = "softmax_delta", .number = "3.10", .symbol = "⟨d⟩",
           .text = "⟨d⟩ = ŷ ⊙ (∂J/∂ŷ − Σₖ ŷₖ ∂J/∂ŷₖ)",
           .latex = "⟨d⟩ = \\hat{y} \\odot \\left( \\frac{\\partial J}{\\partial \\hat{y}} - \\sum_{k} \\hat{y}_k \\frac{\\partial J}{\\partial \\hat{y}_k} \\right)",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "δ_j = Σᵢ (∂o_i/∂net_j) ∂E/∂o_i, with ∂o_i/∂net_j = o_i ([i = j] − o_j)",
           .code_names = "softmax Jacobian-vector product",
           .operands = "⟨a⟩ ∂J/∂ŷ"},
  Equation{.id = simplified_delta, .key = "simplified_delta", .number = "3.11", .symbol = "⟨d⟩",
           .text = "⟨d⟩ = ŷ − y", .latex = "⟨d⟩ = \\hat{y} - y",
           .page = "ch03_output_delta", .layer_symbol = 'L',
           .index_form = "δ_j = o_j − t_j",
           .code_names = "delta3 = probs; delta3[range(N), y] -= 1 · dZ2 = A2 - Y",
           .operands = "⟨a⟩ y"},

  // Chapter 4: the hidden deltas
  Equation{.id = activation_gradient, .key = "activation_gradient", .number = "4.1", .symbol = "∂J/∂⟨a⟩",
           .text = "∂J/∂⟨a⟩ = ⟨d+1⟩ ⟨WT⟩",
           .latex = "\\frac{\\partial J}{\\partial ⟨a⟩} = ⟨d+1⟩ ⟨WT⟩", .page = "ch04_hidden_delta",
           .column_text = "∂J/∂⟨a⟩ = ⟨WT⟩ ⟨d+1⟩",
           .column_latex = "\\frac{\\partial J}{\\partial ⟨a⟩} = ⟨WT⟩ ⟨d+1⟩",
           .index_form = "∂E/∂out_h = Σⱼ δ_j w_hj", .code_names = "delta3 @ W2.T (rows); W2.T @ dZ2 (columns)",
           .operands = "⟨d+1⟩ ⟨W⟩ᵀ", .product = true},
  Equation{.id = hidden_delta, .key = "hidden_delta", .number = "4.2", .symbol = "⟨d⟩",
           .text = "⟨d⟩ = (⟨d+1⟩ ⟨WT⟩) ⊙ f′(⟨z⟩)",
           .latex = "⟨d⟩ = (⟨d+1⟩ ⟨WT⟩) \\odot f'(⟨z⟩)", .page = "ch04_hidden_delta",
           .column_text = "⟨d⟩ = (⟨WT⟩ ⟨d+1⟩) ⊙ f′(⟨z⟩)",
           .column_latex = "⟨d⟩ = (⟨WT⟩ ⟨d+1⟩) \\odot f'(⟨z⟩)",
           .index_form = "δ_h = (Σⱼ δ_j w_hj) f′(net_h)", .code_names = "delta2 (rows); dZ1 (columns); delta_h",
           .operands = "∂J/∂⟨a⟩ f′(⟨z⟩)"},
  Equation{.id = proportional_error, .key = "proportional_error", .number = "4.3", .symbol = "⟨e⟩",
           .text = "⟨e⟩ₕ = Σⱼ ⟨e+1⟩ⱼ wₕⱼ / Σₖ wₖⱼ",
           .latex = "⟨e⟩_h = \\sum_j ⟨e+1⟩_j \\frac{w_{hj}}{\\sum_k w_{kj}}", .page = "ch04_hidden_delta",
           .index_form = "e_h = Σⱼ e_j w_hj / Σₖ w_kj", .code_names = "errors split by weight",
           .operands = "⟨e+1⟩ ⟨W⟩"},
  Equation{.id = backpropagated_error, .key = "backpropagated_error", .number = "4.4", .symbol = "⟨e⟩",
           .text = "⟨e⟩ = ⟨e+1⟩ ⟨WT⟩", .latex = "⟨e⟩ = ⟨e+1⟩ ⟨WT⟩", .page = "ch04_hidden_delta",
           .column_text = "⟨e⟩ = ⟨WT⟩ ⟨e+1⟩", .column_latex = "⟨e⟩ = ⟨WT⟩ ⟨e+1⟩",
           .index_form = "e_h = Σⱼ w_hj e_j", .code_names = "hidden_errors = numpy.dot(who.T, output_errors)",
           .operands = "⟨e+1⟩ ⟨W⟩ᵀ", .product = true},

  // Chapter 5: the gradients
  Equation{.id = weight_gradient, .key = "weight_gradient", .number = "5.1", .symbol = "∂J/∂⟨W⟩",
           .text = "∂J/∂⟨W⟩ = ⟨aT⟩ ⟨d+1⟩",
           .latex = "\\frac{\\partial J}{\\partial ⟨W⟩} = ⟨aT⟩ ⟨d+1⟩", .page = "ch05_gradients",
           .column_text = "∂J/∂⟨W⟩ = ⟨d+1⟩ ⟨aT⟩",
           .column_latex = "\\frac{\\partial J}{\\partial ⟨W⟩} = ⟨d+1⟩ ⟨aT⟩",
           .index_form = "∂E/∂w_ij = out_i δ_j", .code_names = "dJdW2, dJdW1 (rows); dW2, dW1 (columns)",
           .operands = "⟨a⟩ᵀ ⟨d+1⟩", .product = true},
  Equation{.id = bias_gradient, .key = "bias_gradient", .number = "5.2", .symbol = "∂J/∂⟨b⟩",
           .text = "∂J/∂⟨b⟩ = Σₘ ⟨d+1⟩",
           .latex = "\\frac{\\partial J}{\\partial ⟨b⟩} = \\sum_{m} ⟨d+1⟩", .page = "ch05_gradients",
           .index_form = "∂E/∂b_j = δ_j", .code_names = "np.sum(delta3, axis=0, keepdims=True) (rows); np.sum(dZ2, axis=1, keepdims=True) (columns)",
           .operands = "⟨d+1⟩"},
  Equation{.id = l2_weight_gradient, .key = "l2_weight_gradient", .number = "5.3", .symbol = "∂J̃/∂⟨W⟩",
           .text = "∂J̃/∂⟨W⟩ = ∂J/∂⟨W⟩ + λ⟨W⟩",
           .latex = "\\frac{\\partial \\tilde{J}}{\\partial ⟨W⟩} = \\frac{\\partial J}{\\partial ⟨W⟩} + \\lambda ⟨W⟩",
           .page = "ch05_gradients",
           .index_form = "∂E/∂w_ij + λ w_ij", .code_names = "dW2 += reg_lambda * W2",
           .operands = "∂J/∂⟨W⟩ ⟨W⟩"},
  Equation{.id = l2_weight_gradient_mean, .key = "l2_weight_gradient_mean", .number = "5.4",
           .symbol = "∂J̃/∂⟨W⟩", .text = "∂J̃/∂⟨W⟩ = (1/M) ∂J/∂⟨W⟩ + λ⟨W⟩",
           .latex = "\\frac{\\partial \\tilde{J}}{\\partial ⟨W⟩} = \\frac{1}{M} \\frac{\\partial J}{\\partial ⟨W⟩} + \\lambda ⟨W⟩",
           .page = "ch05_gradients",
           .index_form = "(1/M) ∂E/∂w_ij + λ w_ij", .code_names = "dJdW2/X.shape[0] + Lambda*W2",
           .operands = "∂J/∂⟨W⟩ ⟨W⟩"},
  Equation{.id = bias_gradient_mean, .key = "bias_gradient_mean", .number = "5.5", .symbol = "∂J̃/∂⟨b⟩",
           .text = "∂J̃/∂⟨b⟩ = (1/M) ∂J/∂⟨b⟩",
           .latex = "\\frac{\\partial \\tilde{J}}{\\partial ⟨b⟩} = \\frac{1}{M} \\frac{\\partial J}{\\partial ⟨b⟩}",
           .page = "ch05_gradients",
           .index_form = "(1/M) ∂E/∂b_j", .code_names = "np.sum(delta3, axis=0, keepdims=True) / m (rows); np.sum(dZ, axis=1, keepdims=True) / m (columns)",
           .operands = "∂J/∂⟨b⟩"},

  // Chapter 6: the update
  Equation{.id = weight_step, .key = "weight_step", .number = "6.1", .symbol = "Δ⟨W⟩",
           .text = "Δ⟨W⟩ = −η ∂⟨J⟩/∂⟨W⟩",
           .latex = "\\Delta ⟨W⟩ = -\\eta \\frac{\\partial ⟨J⟩}{\\partial ⟨W⟩}", .page = "ch06_update",
           .index_form = "Δw_ij = −η ∂E/∂w_ij", .code_names = "-learning_rate * dW",
           .operands = "∂⟨J⟩/∂⟨W⟩"},
  Equation{.id = weight_update, .key = "weight_update", .number = "6.2", .symbol = "⟨W⟩",
           .text = "⟨W⟩ ← ⟨W⟩ + Δ⟨W⟩",
           .latex = "⟨W⟩ \\leftarrow ⟨W⟩ + \\Delta ⟨W⟩", .page = "ch06_update",
           .index_form = "w_ij⁺ = w_ij − η ∂E/∂w_ij", .code_names = "W1 -= learning_rate * dW1; w5_new",
           .operands = "⟨W⟩ Δ⟨W⟩"},
  Equation{.id = bias_step, .key = "bias_step", .number = "6.3", .symbol = "Δ⟨b⟩",
           .text = "Δ⟨b⟩ = −η ∂⟨J⟩/∂⟨b⟩",
           .latex = "\\Delta ⟨b⟩ = -\\eta \\frac{\\partial ⟨J⟩}{\\partial ⟨b⟩}", .page = "ch06_update",
           .index_form = "Δb_j = −η ∂E/∂b_j", .code_names = "-learning_rate * db",
           .operands = "∂⟨J⟩/∂⟨b⟩"},
  Equation{.id = bias_update, .key = "bias_update", .number = "6.4", .symbol = "⟨b⟩",
           .text = "⟨b⟩ ← ⟨b⟩ + Δ⟨b⟩",
           .latex = "⟨b⟩ \\leftarrow ⟨b⟩ + \\Delta ⟨b⟩", .page = "ch06_update",
           .index_form = "b_j⁺ = b_j − η ∂E/∂b_j", .code_names = "b1 -= learning_rate * db1",
           .operands = "⟨b⟩ Δ⟨b⟩"},
  Equation{.id = momentum_velocity, .key = "momentum_velocity", .number = "6.5", .symbol = "v",
           .text = "v ← μ v − η ∂J/∂⟨W⟩",
           .latex = "v \\leftarrow \\mu v - \\eta \\frac{\\partial J}{\\partial ⟨W⟩}", .page = "ch06_update",
           .index_form = "v_ij⁺ = μ v_ij − η ∂E/∂w_ij", .code_names = "v = mu * v - learning_rate * dW"},
  Equation{.id = momentum_update, .key = "momentum_update", .number = "6.6", .symbol = "⟨W⟩",
           .text = "⟨W⟩ ← ⟨W⟩ + v",
           .latex = "⟨W⟩ \\leftarrow ⟨W⟩ + v", .page = "ch06_update",
           .index_form = "w_ij⁺ = w_ij + v_ij", .code_names = "W += v"},
  Equation{.id = cost_after_step, .key = "cost_after_step", .number = "6.7", .symbol = "⟨J⟩⁺",
           .text = "⟨J⟩⁺ = ⟨J⟩ of the network after the step",
           .latex = "⟨J⟩^{+} = ⟨J⟩(W^{+}, b^{+})", .page = "ch06_update", .layer_symbol = 'L',
           .index_form = "E_total after the update", .code_names = "loss after optimizer.step()"},

  // Chapter 7: the gradient check
  Equation{.id = numerical_weight_gradient, .key = "numerical_weight_gradient", .number = "7.1",
           .symbol = "n(⟨W⟩)",
           .text = "n(⟨W⟩)ᵢⱼ = [⟨J⟩(⟨W⟩ᵢⱼ + ε) − ⟨J⟩(⟨W⟩ᵢⱼ − ε)] / 2ε",
           .latex = "n(⟨W⟩)_{ij} = \\frac{⟨J⟩(⟨W⟩_{ij} + \\epsilon) - ⟨J⟩(⟨W⟩_{ij} - \\epsilon)}{2\\epsilon}",
           .page = "ch07_gradient_check",
           .index_form = "(E(w_ij + ε) − E(w_ij − ε)) / 2ε", .code_names = "numgrad, computeNumericalGradient"},
  Equation{.id = numerical_bias_gradient, .key = "numerical_bias_gradient", .number = "7.2",
           .symbol = "n(⟨b⟩)",
           .text = "n(⟨b⟩)ⱼ = [⟨J⟩(⟨b⟩ⱼ + ε) − ⟨J⟩(⟨b⟩ⱼ − ε)] / 2ε",
           .latex = "n(⟨b⟩)_{j} = \\frac{⟨J⟩(⟨b⟩_{j} + \\epsilon) - ⟨J⟩(⟨b⟩_{j} - \\epsilon)}{2\\epsilon}",
           .page = "ch07_gradient_check",
           .index_form = "(E(b_j + ε) − E(b_j − ε)) / 2ε", .code_names = "numgrad"},
  Equation{.id = relative_error, .key = "relative_error", .number = "7.3", .symbol = "r",
           .text = "r = |g − n| / max(|g|, |n|)",
           .latex = "r = \\frac{|g - n|}{\\max(|g|, |n|)}", .page = "ch07_gradient_check",
           .index_form = "per weight", .code_names = "rel_error"},
  Equation{.id = norm_ratio, .key = "norm_ratio", .number = "7.4", .symbol = "ρ",
           .text = "ρ = ‖g − n‖ / ‖g + n‖",
           .latex = "\\rho = \\frac{\\lVert g - n \\rVert}{\\lVert g + n \\rVert}", .page = "ch07_gradient_check",
           .index_form = "over all weights", .code_names = "norm(grad-numgrad)/norm(grad+numgrad), difference"},
  Equation{.id = broken_derivative, .key = "broken_derivative", .number = "7.5", .symbol = "f′(⟨z⟩)",
           .text = "f′(⟨z⟩) ≈ f(⟨z⟩)   (wrong on purpose)",
           .latex = "f'(⟨z⟩) \\approx f(⟨z⟩) \\quad \\text{(wrong on purpose)}", .page = "ch07_gradient_check",
           .index_form = "σ where σ′ belongs", .code_names = "sigmoid(z) in place of sigmoidPrime(z)",
           .operands = "⟨z⟩"},

  // Chapter 8: training
  Equation{.id = minibatch_gradient, .key = "minibatch_gradient", .number = "8.1", .symbol = "∂J_B/∂⟨W⟩",
           .text = "∂J_B/∂⟨W⟩ = Σ_{m ∈ B} ∂Jₘ/∂⟨W⟩",
           .latex = "\\frac{\\partial J_B}{\\partial ⟨W⟩} = \\sum_{m \\in B} \\frac{\\partial J_m}{\\partial ⟨W⟩}",
           .page = "ch08_training",
           .index_form = "Σ over the samples of the batch", .code_names = "mini_batch, dW / batch_size"},
  Equation{.id = accuracy, .key = "accuracy", .number = "8.2", .symbol = "accuracy",
           .text = "accuracy = (1/M) Σₘ [argmaxₖ ŷₘₖ = argmaxₖ yₘₖ]",
           .latex = "\\text{accuracy} = \\frac{1}{M} \\sum_m \\left[ \\arg\\max_k \\hat{y}_{mk} = \\arg\\max_k y_{mk} \\right]",
           .page = "ch08_training", .layer_symbol = 'L',
           .index_form = "share of samples with the right class", .code_names = "(yhat.argmax(1) == y).mean()"},

  Equation{.id = training_cost, .key = "training_cost", .number = "8.3", .symbol = "⟨J⟩",
           .text = "⟨J⟩ = ⟨J⟩(W, b) on all M training samples, with the weights as they are now",
           .latex = "⟨J⟩ = ⟨J⟩(W, b)", .page = "ch08_training",
           .layer_symbol = 'L', .index_form = "the epoch's cost", .code_names = "loss over the training set"},

  // Chapter 9: L-BFGS
  Equation{.id = lbfgs_step, .key = "lbfgs_step", .number = "9.1", .symbol = "θ",
           .text = "θₖ₊₁ = θₖ − αₖ Hₖ ∇J(θₖ)",
           .latex = "\\theta_{k+1} = \\theta_k - \\alpha_k H_k \\nabla J(\\theta_k)",
           .page = "ch09_bfgs",
           .index_form = "every w_ij and b_j in one vector θ", .code_names = "scipy.optimize.minimize(..., method='BFGS', jac=True)"},
  Equation{.id = gradient_norm, .key = "gradient_norm", .number = "9.2", .symbol = "‖∇J‖",
           .text = "‖∇J‖ = (Σ g²)^½ over every weight and bias",
           .latex = "\\lVert \\nabla J \\rVert = \\sqrt{\\textstyle\\sum g^2}",
           .page = "ch09_bfgs",
           .index_form = "√(Σ (∂E/∂w_ij)²)", .code_names = "np.linalg.norm(grad), gtol"},

  // Chapter 10: overfitting
  Equation{.id = test_cost, .key = "test_cost", .number = "10.1", .symbol = "J_test",
           .text = "J_test = J(X_test, y_test), the same cost on samples left out of training",
           .latex = "J_{\\text{test}} = J(X_{\\text{test}}, y_{\\text{test}})",
           .page = "ch10_overfitting", .layer_symbol = 'L',
           .index_form = "E on held-out samples", .code_names = "testJ, val_loss"},
};
// clang-format on

constexpr bool registry_in_enum_order() {
  for (std::size_t i = 0; i < registry.size(); ++i)
    if (static_cast<std::size_t>(registry[i].id) != i) return false;
  return true;
}
static_assert(registry_in_enum_order(), "registry entries must follow the order of enum Eq");

}  // namespace

const Equation& equation(Eq id) { return registry.at(static_cast<std::size_t>(id)); }

int template_layer(std::string_view tmpl, int l) {
  const auto open = tmpl.find("⟨");
  if (open == std::string_view::npos) return l;
  const std::string_view token = tmpl.substr(open, tmpl.find("⟩", open) - open);
  if (token.ends_with("+1")) return l + 1;
  if (token.ends_with("-1")) return l - 1;
  return l;
}

int symbol_layer(const Equation& e, int l) { return template_layer(e.symbol, l); }

std::vector<std::string_view> operand_templates(const Equation& e) {
  std::vector<std::string_view> out;
  std::string_view rest = e.operands;
  while (!rest.empty()) {
    const std::size_t end = rest.find(' ');
    out.push_back(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  return out;
}

std::span<const Equation> all_equations() { return registry; }

std::optional<Eq> equation_by_key(std::string_view key) {
  for (const Equation& e : registry)
    if (e.key == key) return e.id;
  return std::nullopt;
}

}  // namespace bpw
