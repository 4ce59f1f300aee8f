// The exercises of chapters 5–10: gradients, the update, the gradient check,
// training, L-BFGS and overfitting. Private to the library; exercises.cpp
// joins the tables in book order.
#pragma once

#include <array>

#include "bpw/exercises.hpp"

namespace bpw::table {

using enum Eq;

// clang-format off
inline constexpr std::array learning_exercises{
  // Chapter 5: the gradients
  Exercise{.name = "weight_gradient", .folder = "05_gradients",
    .title = "The gradient of a weight matrix", .equation = weight_gradient, .returns = "∂J/∂W⁽ˡ⁾",
    .statement = "Return ∂J/∂W⁽ˡ⁾ from the activations a⁽ˡ⁾ that enter the weights and the delta δ⁽ˡ⁺¹⁾ of the layer they feed, summed over the samples.",
    .shapes = "a⁽ˡ⁾ [M×n], δ⁽ˡ⁺¹⁾ [M×k] in; ∂J/∂W⁽ˡ⁾ [n×k] out (the shape of W⁽ˡ⁾)",
    .hints = {"∂J/∂W⁽ˡ⁾ has W's shape [n×k]; each weight wᵢⱼ collects aᵢ δⱼ from every sample.",
              "Only a⁽ˡ⁾ᵀ [n×M] times δ⁽ˡ⁺¹⁾ [M×k] gives [n×k], and the product itself sums over the M samples.",
              "return bpw::matmul(bpw::transpose(a), delta_next); with nothing divided by M."},
    .signature = "Matrix weight_gradient(const Matrix& a, const Matrix& delta_next)",
    .start = "  // replace with a⁽ˡ⁾ᵀ δ⁽ˡ⁺¹⁾\n  Matrix dJ_dW = xt::zeros<double>({a.shape(1), delta_next.shape(1)});\n  return dJ_dW;\n"},
  Exercise{.name = "bias_gradient", .folder = "05_gradients",
    .title = "The gradient of a bias row", .equation = bias_gradient, .returns = "∂J/∂b⁽ˡ⁾",
    .statement = "Return ∂J/∂b⁽ˡ⁾: each bias adds 1 × itself to its neuron's z for every sample, so its gradient is the sum of that neuron's deltas over the samples.",
    .shapes = "δ⁽ˡ⁺¹⁾ [M×k] in; ∂J/∂b⁽ˡ⁾ [1×k] out (the shape of b⁽ˡ⁾)",
    .hints = {"Each bias enters its neuron's z with a factor 1 for every sample: its gradient adds up that neuron's deltas.",
              "Sum over the rows (the samples) and keep one row: the result is [1×k], the shape of b.",
              "return bpw::sum_rows(delta_next); because xt::sum(m, {0}) drops the row dimension and gives the wrong shape."},
    .signature = "Matrix bias_gradient(const Matrix& delta_next)",
    .start = "  // replace with Σₘ δ⁽ˡ⁺¹⁾\n  Matrix dJ_db = xt::zeros<double>({std::size_t{1}, delta_next.shape(1)});\n  return dJ_db;\n"},

  // Chapter 6: the update
  Exercise{.name = "weight_update", .folder = "06_update",
    .title = "One step of gradient descent", .equation = weight_update, .returns = "W⁽ˡ⁾ after the step",
    .statement = "Return the weights after one step of gradient descent with learning rate η.",
    .shapes = "W [n×k], ∂J/∂W [n×k], η a number in; W after the step [n×k] out",
    .hints = {"The gradient points uphill; the step goes the other way, ⟦weight_step⟧.",
              "The step is η times the gradient, taken away from W element by element.",
              "return W - eta * dJ_dW;"},
    .signature = "Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)",
    .start = "  Matrix W_next = W;  // replace with the weights after the step\n  (void)dJ_dW, (void)eta;\n  return W_next;\n"},
  Exercise{.name = "momentum_update", .folder = "06_update",
    .title = "A step with momentum", .equation = momentum_velocity, .also = momentum_update, .returns = "W⁽ˡ⁾ and v",
    .statement = "Update the velocity v by ⟦momentum_velocity⟧ and then the weights W by ⟦momentum_update⟧, both in place. The checker calls it several times in a row, so v must carry over from step to step.",
    .shapes = "W [n×k] and v [n×k] in and out; ∂J/∂W [n×k], η, μ in",
    .hints = {"Two assignments, in order: first the velocity by ⟦momentum_velocity⟧, then the weights by ⟦momentum_update⟧ with the new v.",
              "W and v are references: assign to them and the caller's matrices change. μ = 0 must give back ⟦weight_update⟧.",
              "v = mu * v - eta * dJ_dW; and then W = W + v; in that order."},
    .signature = "void momentum_update(Matrix& W, Matrix& v, const Matrix& dJ_dW, double eta, double mu)",
    .start = "  // replace with ⟦momentum_velocity⟧ for v and then ⟦momentum_update⟧ for W\n  (void)W, (void)v, (void)dJ_dW, (void)eta, (void)mu;\n"},

  // Chapter 7: the gradient check
  Exercise{.name = "numerical_gradient", .folder = "07_gradient_check",
    .title = "The central-difference gradient", .equation = numerical_weight_gradient, .returns = "n(W)",
    .statement = "Return the numerical gradient of J with respect to every element of W: nudge one element by +ε and by −ε, keeping every other element as it is, and divide the change in J by 2ε.",
    .shapes = "J a function of W, W [n×k], ε a number in; n(W) [n×k] out",
    .hints = {"One element wᵢⱼ at a time: J with wᵢⱼ + ε, J with wᵢⱼ − ε, and their difference over 2ε, as in ⟦numerical_weight_gradient⟧.",
              "Copy W into a Matrix you may change, Matrix nudged = W; only one element may differ from W at any time, so put each one back before the next.",
              "In loops over i and j: nudged(i, j) = W(i, j) + epsilon; up = J(nudged); nudged(i, j) = W(i, j) - epsilon; down = J(nudged); nudged(i, j) = W(i, j); n(i, j) = (up - down) / (2 * epsilon);"},
    .signature = "Matrix numerical_gradient(const bpw::exercise::CostOf& J, const Matrix& W, double epsilon)",
    .start = "  Matrix n = xt::zeros_like(W);  // replace: one central difference per element\n  (void)J, (void)epsilon;\n  return n;\n"},
  Exercise{.name = "norm_ratio", .folder = "07_gradient_check",
    .title = "How far apart two gradients are", .equation = norm_ratio, .returns = "ρ",
    .statement = "Return ρ, the norm of the difference of the backpropagated gradient g and the numerical one n, over the norm of their sum.",
    .shapes = "g [n×k], n [n×k] in; ρ a number out",
    .hints = {"ρ compares the two gradients as wholes: the length of their difference over the length of their sum, ⟦norm_ratio⟧.",
              "bpw::frobenius_norm(m) is the square root of the sum of m's squared elements; make g − n and g + n Matrices first.",
              "return bpw::frobenius_norm(g - n) / bpw::frobenius_norm(g + n); one norm of each matrix, not the norms of g and n added."},
    .signature = "double norm_ratio(const Matrix& g, const Matrix& n)",
    .start = "  (void)g, (void)n;\n  return 1.0;  // replace with ‖g − n‖ / ‖g + n‖\n"},

  // Chapter 8: training
  Exercise{.name = "accuracy", .folder = "08_training",
    .title = "The share of samples classified right", .equation = accuracy, .returns = "accuracy",
    .statement = "Return the share of samples whose largest output ŷ is in the column of their target's 1.",
    .shapes = "y [M×k] (one 1 per row), ŷ [M×k] in; accuracy a number in [0, 1] out",
    .hints = {"A sample counts as right when its largest ŷ is in the same column as the 1 of its target y.",
              "For each row m, find with a loop over k the column of the largest ŷ(m, k) and the column of the largest y(m, k).",
              "Count the rows where the two columns agree, then return static_cast<double>(right) / y.shape(0); a share of the M samples, not a count."},
    .signature = "double accuracy(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with the share of rows whose argmax agrees\n"},
  Exercise{.name = "softmax", .folder = "08_training",
    .title = "The softmax of each sample", .equation = softmax_function, .returns = "ŷ",
    .statement = "Return softmax(z) of ⟦softmax_function⟧: in each row, e^(zₖ) divided by the row's sum of e^(zⱼ). It must stay finite for z as large as 1000.",
    .shapes = "z [M×k] in; ŷ [M×k] out, each row summing to 1",
    .hints = {"Each row is a sample of its own: e^z of every element, divided by the sum of e^z over that row.",
              "Subtract each row's largest z before xt::exp: no ratio changes, and no exponential overflows at z = 1000. Keep every row maximum and row sum in a Matrix of its own (see the note).",
              "Matrix top = xt::amax(z, {1}, xt::keep_dims); Matrix e = xt::exp(z - top); Matrix total = xt::sum(e, {1}, xt::keep_dims); return e / total;"},
    .signature = "Matrix softmax(const Matrix& z)",
    .start = "  Matrix yhat = xt::zeros_like(z);  // replace with softmax, row by row\n  return yhat;\n",
    .note = "Debian's xtensor 0.24 computes a reduction kept lazy inside a larger expression wrongly, without an error: `xt::exp(z - xt::amax(z, {1}, xt::keep_dims))` and `e / xt::sum(e, {1}, xt::keep_dims)` give wrong numbers. Assign each reduction to a Matrix first, `Matrix top = xt::amax(z, {1}, xt::keep_dims);`, and use that Matrix. The checker recognises the lazy form and says so."},

  // Chapter 9: L-BFGS
  Exercise{.name = "gradient_norm", .folder = "09_bfgs",
    .title = "The length of the whole gradient", .equation = gradient_norm, .returns = "‖∇J‖",
    .statement = "Return ‖∇J‖: the square root of the sum of the squares of every gradient element of every matrix in the list.",
    .shapes = "a list of gradients ∂J/∂W⁽¹⁾, ∂J/∂b⁽¹⁾, … of any shapes in; ‖∇J‖ a number out",
    .hints = {"All the gradients together form one long vector, and ⟦gradient_norm⟧ is its length.",
              "Add up the squares of every element of every matrix first, bpw::total(g * g) for one matrix; take one square root at the end.",
              "double sum = 0; for (const Matrix& g : gradients) sum += bpw::total(g * g); return std::sqrt(sum); since the norms of the parts do not add."},
    .signature = "double gradient_norm(const std::vector<Matrix>& gradients)",
    .start = "  (void)gradients;\n  return 0.0;  // replace with √(Σ g²) over every element of every matrix\n"},
  Exercise{.name = "parameter_vector", .folder = "09_bfgs",
    .title = "Every parameter in one vector θ", .equation = lbfgs_step, .returns = "θ",
    .statement = "Return θ, the row that L-BFGS works on: the elements of W⁽¹⁾, W⁽²⁾, … row by row, followed by those of b⁽¹⁾, b⁽²⁾, ….",
    .shapes = "the weight matrices W and the bias rows b in; θ [1×P] out, P the number of parameters",
    .hints = {"θ lists every weight first, matrix after matrix, and then every bias; within a matrix, row by row.",
              "Count P first, the sizes of every W and every b added, and make a [1×P] Matrix: xt::zeros<double>({std::size_t{1}, P}).",
              "Keep an index p; for each matrix of W in order, for (double w : matrix) theta(0, p++) = w; then the same for each b, since a range-for visits a Matrix row by row."},
    .signature = "Matrix parameter_vector(const std::vector<Matrix>& W, const std::vector<Matrix>& b)",
    .start = "  // replace with every w and then every b in one row\n  Matrix theta = xt::zeros<double>({std::size_t{1}, std::size_t{1}});\n  (void)W, (void)b;\n  return theta;\n"},

  // Chapter 10: overfitting
  Exercise{.name = "l2_penalty", .folder = "10_overfitting",
    .title = "The weight penalty", .equation = l2_cost, .returns = "(λ/2) Σ ‖W‖²",
    .statement = "Return the term that L2 regularisation adds to J in ⟦l2_cost⟧: λ/2 times the sum of the squares of every weight of every layer.",
    .shapes = "the weight matrices W⁽¹⁾, W⁽²⁾, … and λ in; the penalty, a number, out",
    .hints = {"Only weights are penalised, never biases: λ/2 times the squares of every weight of every layer.",
              "‖W‖² is the sum of W's squared elements, bpw::total(W * W) for one layer, with no square root; add them over the layers.",
              "double squares = 0; for (const Matrix& w : W) squares += bpw::total(w * w); return lambda / 2 * squares;"},
    .signature = "double l2_penalty(const std::vector<Matrix>& W, double lambda)",
    .start = "  (void)W, (void)lambda;\n  return 0.0;  // replace with (λ/2) Σₗ ‖W⁽ˡ⁾‖²\n"},
  Exercise{.name = "l2_weight_gradient", .folder = "10_overfitting",
    .title = "The gradient with the penalty", .equation = l2_weight_gradient, .returns = "∂J̃/∂W⁽ˡ⁾",
    .statement = "Return the gradient of the regularised cost J̃ from the gradient of J, the weights and λ.",
    .shapes = "∂J/∂W [n×k], W [n×k], λ a number in; ∂J̃/∂W [n×k] out",
    .hints = {"J̃ is J plus the penalty, so its gradient is J's gradient plus the penalty's: ⟦l2_weight_gradient⟧.",
              "Differentiate (λ/2) w² for one weight w: the 2 of the power rule cancels the ½ and leaves λ w.",
              "return dJ_dW + lambda * W;"},
    .signature = "Matrix l2_weight_gradient(const Matrix& dJ_dW, const Matrix& W, double lambda)",
    .start = "  Matrix gradient = dJ_dW;  // replace with ∂J/∂W plus the penalty's gradient\n  (void)W, (void)lambda;\n  return gradient;\n"},
};
// clang-format on

}  // namespace bpw::table
