// The exercises of chapters 1–4: the forward pass, the cost and the deltas.
// Private to the library; exercises.cpp joins the tables in book order.
#pragma once

#include <array>

#include "bpw/exercises.hpp"

namespace bpw::table {

using enum Eq;

// clang-format off
inline constexpr std::array forward_exercises{
  // Chapter 1: the forward pass
  Exercise{.name = "sigmoid", .folder = "01_forward_pass",
    .title = "The sigmoid", .equation = sigmoid_function, .returns = "σ(z)",
    .statement = "Return σ(z) of ⟦sigmoid_function⟧ for every element of z.",
    .shapes = "z [M×k] in; σ(z) [M×k] out",
    .hints = {"σ works on each element on its own: no matrix product and no sum, and the result has z's shape.",
              "xtensor's functions work element by element on a whole matrix: xt::exp(-z) is e^(−z) for every element at once.",
              "Divide 1.0 by (1.0 + xt::exp(-z)) and keep it in a Matrix: Matrix s = 1.0 / (1.0 + xt::exp(-z)); return s;"},
    .signature = "Matrix sigmoid(const Matrix& z)",
    .start = "  Matrix a = xt::zeros_like(z);  // replace with σ(z)\n  return a;\n"},
  Exercise{.name = "weighted_input", .folder = "01_forward_pass",
    .title = "The weighted input of a layer", .equation = weighted_input, .returns = "z⁽ˡ⁺¹⁾",
    .statement = "Return z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾: every sample's inputs weighted by each neuron's column of W, plus that neuron's bias.",
    .shapes = "a [M×n], W [n×k], b [1×k] in; z [M×k] out",
    .hints = {"Which shapes multiply? a is [M×n] and W is [n×k]; the result must be [M×k], one row per sample.",
              "bpw::matmul(a, W) is the matrix product. Adding the [1×k] row b to an [M×k] matrix adds it to every row.",
              "Matrix z = bpw::matmul(a, W) + b; return z; is the whole body."},
    .signature = "Matrix weighted_input(const Matrix& a, const Matrix& W, const Matrix& b)",
    .start = "  // replace with a W + b\n  Matrix z = xt::zeros<double>({a.shape(0), W.shape(1)});\n  (void)b;\n  return z;\n"},
  Exercise{.name = "network_output", .folder = "01_forward_pass",
    .title = "The output of a two-layer network", .equation = activation, .also = weighted_input, .returns = "ŷ",
    .statement = "Return ŷ for a network with one hidden layer and the sigmoid in both layers: apply ⟦weighted_input⟧ and ⟦activation⟧ once for the hidden layer and once for the output layer.",
    .shapes = "X [M×n], W1 [n×h], b1 [1×h], W2 [h×k], b2 [1×k] in; ŷ [M×k] out",
    .hints = {"The network applies the same two steps twice: ⟦weighted_input⟧, then ⟦activation⟧ with f = σ of ⟦sigmoid_function⟧.",
              "The hidden layer's activations a⁽²⁾ = σ(z⁽²⁾) are the output layer's input: the second layer starts from a⁽²⁾, not from X and not from z⁽²⁾, and uses W2 and b2.",
              "Four lines, each a Matrix: z2 = bpw::matmul(X, W1) + b1; a2 = σ(z2); z3 = bpw::matmul(a2, W2) + b2; return σ(z3); with 1.0 / (1.0 + xt::exp(-z)) for each σ."},
    .signature = "Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1,\n                      const Matrix& W2, const Matrix& b2)",
    .start = "  // replace with the forward pass\n  Matrix yhat = xt::zeros<double>({X.shape(0), W2.shape(1)});\n  (void)W1, (void)b1, (void)b2;\n  return yhat;\n"},

  // Chapter 2: the cost
  Exercise{.name = "sse_cost", .folder = "02_cost",
    .title = "The sum of squared errors", .equation = sse_sample_cost, .also = total_cost, .returns = "J",
    .statement = "Return J = ½ Σ (y − ŷ)², summed over every sample and every output: ⟦sse_sample_cost⟧ for each sample, added up as in ⟦total_cost⟧.",
    .shapes = "y [M×k], ŷ [M×k] in; J a number out",
    .hints = {"J is one number: every squared error of every sample and every output, added up, and then halved.",
              "Make the error e = y − ŷ a Matrix first; e * e squares it element by element.",
              "bpw::total(m) adds up every element of m: return 0.5 * bpw::total(e * e); with nothing divided by M."},
    .signature = "double sse_cost(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with ½ Σ (y − ŷ)²\n"},
  Exercise{.name = "cross_entropy_cost", .folder = "02_cost",
    .title = "The cross-entropy of sigmoid outputs", .equation = bce_sample_cost, .also = total_cost, .returns = "J",
    .statement = "Return J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], summed over every sample and every output.",
    .shapes = "y [M×k] (targets in [0, 1]), ŷ [M×k] (in (0, 1)) in; J a number out",
    .hints = {"Both terms count: y ln ŷ speaks for the outputs whose target is 1, (1 − y) ln(1 − ŷ) for those whose target is 0.",
              "xt::log works element by element; build the bracket as a Matrix, then add up every element with bpw::total.",
              "Mind the minus in front, which makes J positive: return -bpw::total(y * xt::log(yhat) + (1.0 - y) * xt::log(1.0 - yhat)); with nothing divided by M."},
    .signature = "double cross_entropy_cost(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]\n"},
  Exercise{.name = "sse_gradient", .folder = "02_cost",
    .title = "How the squared error changes with ŷ", .equation = sse_gradient, .returns = "∂J/∂ŷ",
    .statement = "Return ∂J/∂ŷ for J = ½ Σ (y − ŷ)²: the derivative of each sample's cost with respect to each of its outputs.",
    .shapes = "y [M×k], ŷ [M×k] in; ∂J/∂ŷ [M×k] out",
    .hints = {"Differentiate one term ½ (y − ŷ)² with respect to its own ŷ; no other term depends on that ŷ.",
              "The power rule brings down a 2 that cancels the ½; the chain rule through −ŷ brings a minus sign.",
              "The result is −(y − ŷ), that is ŷ − y, element by element: Matrix dJ_dyhat = yhat - y; return dJ_dyhat;"},
    .signature = "Matrix sse_gradient(const Matrix& y, const Matrix& yhat)",
    .start = "  Matrix dJ_dyhat = xt::zeros_like(yhat);  // replace with ∂J/∂ŷ\n  (void)y;\n  return dJ_dyhat;\n"},

  // Chapter 3: the output delta
  Exercise{.name = "sigmoid_derivative", .folder = "03_output_delta",
    .title = "σ′, the slope of the sigmoid", .equation = sigmoid_derivative, .returns = "f′(z)",
    .statement = "Return σ′(z) for every element of z, written with σ(z) itself.",
    .shapes = "z [M×k] in; f′(z) [M×k] out",
    .hints = {"The slope can be written with σ(z) itself, ⟦sigmoid_derivative⟧: work out σ(z) of ⟦sigmoid_function⟧ first.",
              "Compute s = σ(z) once as a Matrix, 1.0 / (1.0 + xt::exp(-z)); the form a (1 − a) needs a = σ(z), not z.",
              "return s * (1.0 - s); a product element by element, with a minus inside the bracket."},
    .signature = "Matrix sigmoid_derivative(const Matrix& z)",
    .start = "  Matrix f_prime = xt::zeros_like(z);  // replace with σ(z) ⊙ (1 − σ(z))\n  return f_prime;\n"},
  Exercise{.name = "output_delta", .folder = "03_output_delta",
    .title = "δ⁽ᴸ⁾ for the squared error and a sigmoid output", .equation = output_delta, .returns = "δ⁽ᴸ⁾",
    .statement = "Return the output layer's delta δ⁽ᴸ⁾ = ∂J/∂z⁽ᴸ⁾ for J = ½ Σ (y − ŷ)² and ŷ = σ(z⁽ᴸ⁾).",
    .shapes = "y [M×k], ŷ [M×k], z⁽ᴸ⁾ [M×k] in; δ⁽ᴸ⁾ [M×k] out",
    .hints = {"⟦output_delta⟧ multiplies two factors element by element: what the cost says about ŷ, and the slope of the output activation at z⁽ᴸ⁾.",
              "For ½ SSE the first factor is ⟦sse_gradient⟧; for a sigmoid the second is ⟦sigmoid_derivative⟧ at z⁽ᴸ⁾, and σ(z⁽ᴸ⁾) is ŷ already.",
              "Matrix delta = (yhat - y) * yhat * (1.0 - yhat); return delta; where ŷ (1 − ŷ) is σ′(z⁽ᴸ⁾), not σ′(ŷ)."},
    .signature = "Matrix output_delta(const Matrix& y, const Matrix& yhat, const Matrix& z)",
    .start = "  Matrix delta = xt::zeros_like(z);  // replace with ∂J/∂ŷ ⊙ f′(z)\n  (void)y, (void)yhat;\n  return delta;\n"},
  Exercise{.name = "cross_entropy_delta", .folder = "03_output_delta",
    .title = "δ⁽ᴸ⁾ when the cost matches the output activation", .equation = simplified_delta, .returns = "δ⁽ᴸ⁾",
    .statement = "Return δ⁽ᴸ⁾ for the cross-entropy with a sigmoid output, which is also δ⁽ᴸ⁾ for the softmax cross-entropy with a softmax output.",
    .shapes = "y [M×k], ŷ [M×k] in; δ⁽ᴸ⁾ [M×k] out",
    .hints = {"Start from the general product ⟦output_delta⟧ with ∂J/∂ŷ of ⟦bce_gradient⟧ and f′ of ⟦sigmoid_derivative⟧.",
              "ŷ ⊙ (1 − ŷ) is both σ′ and the denominator of ∂J/∂ŷ: the two cancel, and one subtraction is left.",
              "What is left is ⟦simplified_delta⟧: return yhat - y; with ŷ first."},
    .signature = "Matrix cross_entropy_delta(const Matrix& y, const Matrix& yhat)",
    .start = "  Matrix delta = xt::zeros_like(yhat);  // replace with the simplified δ⁽ᴸ⁾\n  (void)y;\n  return delta;\n"},

  // Chapter 4: the hidden deltas
  Exercise{.name = "hidden_delta", .folder = "04_hidden_delta",
    .title = "δ⁽ˡ⁾ of a hidden layer", .equation = hidden_delta, .returns = "δ⁽ˡ⁾",
    .statement = "Return δ⁽ˡ⁾ from the next layer's delta δ⁽ˡ⁺¹⁾, the weights W⁽ˡ⁾ between the two layers, and f′(z⁽ˡ⁾) of this layer.",
    .shapes = "δ⁽ˡ⁺¹⁾ [M×k], W⁽ˡ⁾ [n×k], f′(z⁽ˡ⁾) [M×n] in; δ⁽ˡ⁾ [M×n] out",
    .hints = {"The error flows back along the weights it came through: first ∂J/∂a⁽ˡ⁾ by ⟦activation_gradient⟧, then ⊙ f′(z⁽ˡ⁾).",
              "Check the shapes: δ⁽ˡ⁺¹⁾ is [M×k] and W⁽ˡ⁾ is [n×k]; only δ⁽ˡ⁺¹⁾ times Wᵀ [k×n] gives the [M×n] of f′(z⁽ˡ⁾). bpw::transpose(W) makes Wᵀ.",
              "Matrix delta = bpw::matmul(delta_next, bpw::transpose(W)) * f_prime; return delta; the product first, then ⊙."},
    .signature = "Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)",
    .start = "  Matrix delta = xt::zeros_like(f_prime);  // replace with (δ⁽ˡ⁺¹⁾ Wᵀ) ⊙ f′(z⁽ˡ⁾)\n  (void)delta_next, (void)W;\n  return delta;\n"},
  Exercise{.name = "tanh_derivative", .folder = "04_hidden_delta",
    .title = "tanh′, the slope of a hidden layer's tanh", .equation = tanh_derivative, .returns = "f′(z)",
    .statement = "Return tanh′(z) for every element of z, written with tanh(z) itself.",
    .shapes = "z [M×k] in; f′(z) [M×k] out",
    .hints = {"Like σ′, tanh′ can be written with tanh(z) itself: ⟦tanh_derivative⟧.",
              "Compute t = xt::tanh(z) as a Matrix; the form 1 − t² needs t = tanh(z), not z.",
              "Matrix t = xt::tanh(z); return 1.0 - t * t;"},
    .signature = "Matrix tanh_derivative(const Matrix& z)",
    .start = "  Matrix f_prime = xt::zeros_like(z);  // replace with 1 − tanh²(z)\n  return f_prime;\n"},
};
// clang-format on

}  // namespace bpw::table
