// The exercises, in book order, and the starting file each one is written from.
#include "bpw/exercises.hpp"

#include <array>
#include <string>

namespace bpw {
namespace {

using enum Eq;

// clang-format off
constexpr std::array exercises{
  // Chapter 1: the forward pass
  Exercise{.name = "sigmoid", .folder = "01_forward_pass",
    .title = "The sigmoid", .equation = activation, .returns = "σ(z)",
    .statement = "Return σ(z) = 1 / (1 + e^(−z)) for every element of z.",
    .shapes = "z [N×k] in; σ(z) [N×k] out",
    .hint = "xt::exp(-z) is e^(−z) for every element at once, and 1.0 / (...) divides element by element.",
    .signature = "Matrix sigmoid(const Matrix& z)",
    .start = "  Matrix a = xt::zeros_like(z);  // replace with σ(z)\n  return a;\n"},
  Exercise{.name = "weighted_input", .folder = "01_forward_pass",
    .title = "The weighted input of a layer", .equation = weighted_input, .returns = "z⁽ˡ⁺¹⁾",
    .statement = "Return z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾: every sample's inputs weighted by each neuron's column of W, plus that neuron's bias.",
    .shapes = "a [N×n], W [n×k], b [1×k] in; z [N×k] out",
    .hint = "bpw::matmul(a, W) is the matrix product. Adding the [1×k] row b to an [N×k] matrix adds it to every row.",
    .signature = "Matrix weighted_input(const Matrix& a, const Matrix& W, const Matrix& b)",
    .start = "  // replace with a W + b\n  Matrix z = xt::zeros<double>({a.shape(0), W.shape(1)});\n  (void)b;\n  return z;\n"},
  Exercise{.name = "network_output", .folder = "01_forward_pass",
    .title = "The output of a two-layer network", .equation = activation, .returns = "ŷ",
    .statement = "Return ŷ for a network with one hidden layer and the sigmoid in both layers: apply ⟦weighted_input⟧ and ⟦activation⟧ once for the hidden layer and once for the output layer.",
    .shapes = "X [N×n], W1 [n×h], b1 [1×h], W2 [h×k], b2 [1×k] in; ŷ [N×k] out",
    .hint = "Write four lines: z⁽²⁾ = X W⁽¹⁾ + b⁽¹⁾, a⁽²⁾ = σ(z⁽²⁾), z⁽³⁾ = a⁽²⁾ W⁽²⁾ + b⁽²⁾, ŷ = σ(z⁽³⁾).",
    .signature = "Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1,\n                      const Matrix& W2, const Matrix& b2)",
    .start = "  // replace with the forward pass\n  Matrix yhat = xt::zeros<double>({X.shape(0), W2.shape(1)});\n  (void)W1, (void)b1, (void)b2;\n  return yhat;\n"},

  // Chapter 2: the cost
  Exercise{.name = "sse_cost", .folder = "02_cost",
    .title = "The sum of squared errors", .equation = sse_sample_cost, .returns = "J",
    .statement = "Return J = ½ Σ (y − ŷ)², summed over every sample and every output.",
    .shapes = "y [N×k], ŷ [N×k] in; J a number out",
    .hint = "Make the error e = y − ŷ a Matrix first; bpw::total(m) sums every element of m, and e * e squares element by element.",
    .signature = "double sse_cost(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with ½ Σ (y − ŷ)²\n"},
  Exercise{.name = "cross_entropy_cost", .folder = "02_cost",
    .title = "The cross-entropy of sigmoid outputs", .equation = bce_sample_cost, .returns = "J",
    .statement = "Return J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], summed over every sample and every output.",
    .shapes = "y [N×k] (targets in [0, 1]), ŷ [N×k] (in (0, 1)) in; J a number out",
    .hint = "xt::log works element by element. Mind the minus sign in front of the sum: J is never negative.",
    .signature = "double cross_entropy_cost(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]\n"},
  Exercise{.name = "sse_gradient", .folder = "02_cost",
    .title = "How the squared error changes with ŷ", .equation = sse_gradient, .returns = "∂J/∂ŷ",
    .statement = "Return ∂J/∂ŷ for J = ½ Σ (y − ŷ)²: the derivative of each sample's cost with respect to each of its outputs.",
    .shapes = "y [N×k], ŷ [N×k] in; ∂J/∂ŷ [N×k] out",
    .hint = "Differentiate ½ (y − ŷ)² with respect to ŷ: the ½ cancels the 2, and the chain rule through −ŷ gives a minus sign.",
    .signature = "Matrix sse_gradient(const Matrix& y, const Matrix& yhat)",
    .start = "  Matrix dJ_dyhat = xt::zeros_like(yhat);  // replace with ∂J/∂ŷ\n  (void)y;\n  return dJ_dyhat;\n"},

  // Chapter 3: the output delta
  Exercise{.name = "sigmoid_derivative", .folder = "03_output_delta",
    .title = "σ′, the slope of the sigmoid", .equation = sigmoid_derivative, .returns = "f′(z)",
    .statement = "Return σ′(z) for every element of z, written with σ(z) itself.",
    .shapes = "z [N×k] in; f′(z) [N×k] out",
    .hint = "Compute s = σ(z) once as a Matrix; then the slope is s times (1 − s), element by element.",
    .signature = "Matrix sigmoid_derivative(const Matrix& z)",
    .start = "  Matrix f_prime = xt::zeros_like(z);  // replace with σ(z) ⊙ (1 − σ(z))\n  return f_prime;\n"},
  Exercise{.name = "output_delta", .folder = "03_output_delta",
    .title = "δ⁽ᴸ⁾ for the squared error and a sigmoid output", .equation = output_delta, .returns = "δ⁽ᴸ⁾",
    .statement = "Return the output layer's delta δ⁽ᴸ⁾ = ∂J/∂z⁽ᴸ⁾ for J = ½ Σ (y − ŷ)² and ŷ = σ(z⁽ᴸ⁾).",
    .shapes = "y [N×k], ŷ [N×k], z⁽ᴸ⁾ [N×k] in; δ⁽ᴸ⁾ [N×k] out",
    .hint = "Multiply, element by element, ∂J/∂ŷ = −(y − ŷ) by σ′(z⁽ᴸ⁾) = ŷ ⊙ (1 − ŷ): ŷ is σ(z⁽ᴸ⁾) already.",
    .signature = "Matrix output_delta(const Matrix& y, const Matrix& yhat, const Matrix& z)",
    .start = "  Matrix delta = xt::zeros_like(z);  // replace with ∂J/∂ŷ ⊙ f′(z)\n  (void)y, (void)yhat;\n  return delta;\n"},
  Exercise{.name = "cross_entropy_delta", .folder = "03_output_delta",
    .title = "δ⁽ᴸ⁾ when the cost matches the output activation", .equation = simplified_delta, .returns = "δ⁽ᴸ⁾",
    .statement = "Return δ⁽ᴸ⁾ for the cross-entropy with a sigmoid output, which is also δ⁽ᴸ⁾ for the softmax cross-entropy with a softmax output.",
    .shapes = "y [N×k], ŷ [N×k] in; δ⁽ᴸ⁾ [N×k] out",
    .hint = "Multiply ⟦bce_gradient⟧ by ⟦sigmoid_derivative⟧: ŷ (1 − ŷ) cancels the denominator of ∂J/∂ŷ and leaves one subtraction.",
    .signature = "Matrix cross_entropy_delta(const Matrix& y, const Matrix& yhat)",
    .start = "  Matrix delta = xt::zeros_like(yhat);  // replace with the simplified δ⁽ᴸ⁾\n  (void)y;\n  return delta;\n"},

  // Chapter 4: the hidden deltas
  Exercise{.name = "hidden_delta", .folder = "04_hidden_delta",
    .title = "δ⁽ˡ⁾ of a hidden layer", .equation = hidden_delta, .returns = "δ⁽ˡ⁾",
    .statement = "Return δ⁽ˡ⁾ from the next layer's delta δ⁽ˡ⁺¹⁾, the weights W⁽ˡ⁾ between the two layers, and f′(z⁽ˡ⁾) of this layer.",
    .shapes = "δ⁽ˡ⁺¹⁾ [N×k], W⁽ˡ⁾ [n×k], f′(z⁽ˡ⁾) [N×n] in; δ⁽ˡ⁾ [N×n] out",
    .hint = "The error flows back along the weights it came through: δ⁽ˡ⁺¹⁾ [N×k] times W⁽ˡ⁾ᵀ [k×n] is [N×n]; bpw::transpose(W) makes Wᵀ.",
    .signature = "Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)",
    .start = "  Matrix delta = xt::zeros_like(f_prime);  // replace with (δ⁽ˡ⁺¹⁾ Wᵀ) ⊙ f′(z⁽ˡ⁾)\n  (void)delta_next, (void)W;\n  return delta;\n"},
  Exercise{.name = "tanh_derivative", .folder = "04_hidden_delta",
    .title = "tanh′, the slope of a hidden layer's tanh", .equation = tanh_derivative, .returns = "f′(z)",
    .statement = "Return tanh′(z) for every element of z, written with tanh(z) itself.",
    .shapes = "z [N×k] in; f′(z) [N×k] out",
    .hint = "xt::tanh(z) gives t = tanh(z); the derivative of tanh is 1 minus its square.",
    .signature = "Matrix tanh_derivative(const Matrix& z)",
    .start = "  Matrix f_prime = xt::zeros_like(z);  // replace with 1 − tanh²(z)\n  return f_prime;\n"},

  // Chapter 5: the gradients
  Exercise{.name = "weight_gradient", .folder = "05_gradients",
    .title = "The gradient of a weight matrix", .equation = weight_gradient, .returns = "∂J/∂W⁽ˡ⁾",
    .statement = "Return ∂J/∂W⁽ˡ⁾ from the activations a⁽ˡ⁾ that enter the weights and the delta δ⁽ˡ⁺¹⁾ of the layer they feed, summed over the samples.",
    .shapes = "a⁽ˡ⁾ [N×n], δ⁽ˡ⁺¹⁾ [N×k] in; ∂J/∂W⁽ˡ⁾ [n×k] out (the shape of W⁽ˡ⁾)",
    .hint = "The result must have W's shape [n×k]: only a⁽ˡ⁾ᵀ [n×N] times δ⁽ˡ⁺¹⁾ [N×k] gives it, and the product sums over the N samples.",
    .signature = "Matrix weight_gradient(const Matrix& a, const Matrix& delta_next)",
    .start = "  // replace with a⁽ˡ⁾ᵀ δ⁽ˡ⁺¹⁾\n  Matrix dJ_dW = xt::zeros<double>({a.shape(1), delta_next.shape(1)});\n  return dJ_dW;\n"},
  Exercise{.name = "bias_gradient", .folder = "05_gradients",
    .title = "The gradient of a bias row", .equation = bias_gradient, .returns = "∂J/∂b⁽ˡ⁾",
    .statement = "Return ∂J/∂b⁽ˡ⁾: each bias adds 1 × itself to its neuron's z for every sample, so its gradient is the sum of that neuron's deltas over the samples.",
    .shapes = "δ⁽ˡ⁺¹⁾ [N×k] in; ∂J/∂b⁽ˡ⁾ [1×k] out (the shape of b⁽ˡ⁾)",
    .hint = "bpw::sum_rows(m) sums over the rows and keeps a [1×k] row; xt::sum(m, {0}) drops the row dimension, which is the wrong shape.",
    .signature = "Matrix bias_gradient(const Matrix& delta_next)",
    .start = "  // replace with Σₘ δ⁽ˡ⁺¹⁾\n  Matrix dJ_db = xt::zeros<double>({std::size_t{1}, delta_next.shape(1)});\n  return dJ_db;\n"},

  // Chapter 6: the update
  Exercise{.name = "weight_update", .folder = "06_update",
    .title = "One step of gradient descent", .equation = weight_update, .returns = "W⁽ˡ⁾ after the step",
    .statement = "Return the weights after one step of gradient descent with learning rate η.",
    .shapes = "W [n×k], ∂J/∂W [n×k], η a number in; W after the step [n×k] out",
    .hint = "The gradient points uphill; the step goes the other way, η times as far.",
    .signature = "Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)",
    .start = "  Matrix W_next = W;  // replace with the weights after the step\n  (void)dJ_dW, (void)eta;\n  return W_next;\n"},
  Exercise{.name = "momentum_update", .folder = "06_update",
    .title = "A step with momentum", .equation = momentum_velocity, .returns = "W⁽ˡ⁾ after the step",
    .statement = "Update the velocity v by ⟦momentum_velocity⟧ and then the weights W by ⟦momentum_update⟧, both in place. The checker calls it several times in a row, so v must carry over from step to step.",
    .shapes = "W [n×k] and v [n×k] in and out; ∂J/∂W [n×k], η, μ in",
    .hint = "Update v first and then use the new v to move W; μ = 0 must give back plain gradient descent ⟦weight_update⟧.",
    .signature = "void momentum_update(Matrix& W, Matrix& v, const Matrix& dJ_dW, double eta, double mu)",
    .start = "  // replace with ⟦momentum_velocity⟧ for v and then ⟦momentum_update⟧ for W\n  (void)W, (void)v, (void)dJ_dW, (void)eta, (void)mu;\n"},

  // Chapter 7: the gradient check
  Exercise{.name = "numerical_gradient", .folder = "07_gradient_check",
    .title = "The central-difference gradient", .equation = numerical_weight_gradient, .returns = "n(W)",
    .statement = "Return the numerical gradient of J with respect to every element of W: nudge one element by +ε and by −ε, keeping every other element as it is, and divide the change in J by 2ε.",
    .shapes = "J a function of W, W [n×k], ε a number in; n(W) [n×k] out",
    .hint = "Copy W into a Matrix you may change (Matrix nudged = W;), set nudged(i, j) = W(i, j) + epsilon, call J(nudged), then − epsilon, then put the element back before the next one.",
    .signature = "Matrix numerical_gradient(const bpw::exercise::CostOf& J, const Matrix& W, double epsilon)",
    .start = "  Matrix n = xt::zeros_like(W);  // replace: one central difference per element\n  (void)J, (void)epsilon;\n  return n;\n"},
  Exercise{.name = "norm_ratio", .folder = "07_gradient_check",
    .title = "How far apart two gradients are", .equation = norm_ratio, .returns = "ρ",
    .statement = "Return ρ, the norm of the difference of the backpropagated gradient g and the numerical one n, over the norm of their sum.",
    .shapes = "g [n×k], n [n×k] in; ρ a number out",
    .hint = "bpw::frobenius_norm(m) is the square root of the sum of m's squared elements; make g − n and g + n Matrices first.",
    .signature = "double norm_ratio(const Matrix& g, const Matrix& n)",
    .start = "  (void)g, (void)n;\n  return 1.0;  // replace with ‖g − n‖ / ‖g + n‖\n"},

  // Chapter 8: training
  Exercise{.name = "accuracy", .folder = "08_training",
    .title = "The share of samples classified right", .equation = accuracy, .returns = "accuracy",
    .statement = "Return the share of samples whose largest output ŷ is in the column of their target's 1.",
    .shapes = "y [N×k] (one 1 per row), ŷ [N×k] in; accuracy a number in [0, 1] out",
    .hint = "For each row m, find the column of the largest ŷ(m, k) and the column of the 1 in y; count the rows where they agree and divide by N (as a double).",
    .signature = "double accuracy(const Matrix& y, const Matrix& yhat)",
    .start = "  (void)y, (void)yhat;\n  return 0.0;  // replace with the share of rows whose argmax agrees\n"},
  Exercise{.name = "softmax", .folder = "08_training",
    .title = "The softmax of each sample", .equation = activation, .returns = "ŷ",
    .statement = "Return softmax(z): in each row, e^(zₖ) divided by the row's sum of e^(zⱼ). It must stay finite for z as large as 1000.",
    .shapes = "z [N×k] in; ŷ [N×k] out, each row summing to 1",
    .hint = "Subtract each row's largest z before taking xt::exp: the ratios do not change, and no exponential can overflow.",
    .signature = "Matrix softmax(const Matrix& z)",
    .start = "  Matrix yhat = xt::zeros_like(z);  // replace with softmax, row by row\n  return yhat;\n"},

  // Chapter 9: L-BFGS
  Exercise{.name = "gradient_norm", .folder = "09_bfgs",
    .title = "The length of the whole gradient", .equation = gradient_norm, .returns = "‖∇J‖",
    .statement = "Return ‖∇J‖: the square root of the sum of the squares of every gradient element of every matrix in the list.",
    .shapes = "a list of gradients ∂J/∂W⁽¹⁾, ∂J/∂b⁽¹⁾, … of any shapes in; ‖∇J‖ a number out",
    .hint = "Sum the squares across all the matrices first and take one square root at the end; the norms of the parts do not add.",
    .signature = "double gradient_norm(const std::vector<Matrix>& gradients)",
    .start = "  (void)gradients;\n  return 0.0;  // replace with √(Σ g²) over every element of every matrix\n"},
  Exercise{.name = "parameter_vector", .folder = "09_bfgs",
    .title = "Every parameter in one vector θ", .equation = lbfgs_step, .returns = "θ",
    .statement = "Return θ, the row that L-BFGS works on: the elements of W⁽¹⁾, W⁽²⁾, … row by row, followed by those of b⁽¹⁾, b⁽²⁾, ….",
    .shapes = "the weight matrices W and the bias rows b in; θ [1×P] out, P the number of parameters",
    .hint = "Count P first and make a [1×P] Matrix; a range-for over a Matrix visits its elements row by row.",
    .signature = "Matrix parameter_vector(const std::vector<Matrix>& W, const std::vector<Matrix>& b)",
    .start = "  // replace with every w and then every b in one row\n  Matrix theta = xt::zeros<double>({std::size_t{1}, std::size_t{1}});\n  (void)W, (void)b;\n  return theta;\n"},

  // Chapter 10: overfitting
  Exercise{.name = "l2_penalty", .folder = "10_overfitting",
    .title = "The weight penalty", .equation = l2_cost, .returns = "(λ/2) Σ ‖W‖²",
    .statement = "Return the term that L2 regularisation adds to J: λ/2 times the sum of the squares of every weight of every layer.",
    .shapes = "the weight matrices W⁽¹⁾, W⁽²⁾, … and λ in; the penalty, a number, out",
    .hint = "Only weights are penalised, never biases; ‖W‖² is the sum of W's squared elements (bpw::total(W * W)).",
    .signature = "double l2_penalty(const std::vector<Matrix>& W, double lambda)",
    .start = "  (void)W, (void)lambda;\n  return 0.0;  // replace with (λ/2) Σₗ ‖W⁽ˡ⁾‖²\n"},
  Exercise{.name = "l2_weight_gradient", .folder = "10_overfitting",
    .title = "The gradient with the penalty", .equation = l2_weight_gradient, .returns = "∂J̃/∂W⁽ˡ⁾",
    .statement = "Return the gradient of the regularised cost J̃ from the gradient of J, the weights and λ.",
    .shapes = "∂J/∂W [n×k], W [n×k], λ a number in; ∂J̃/∂W [n×k] out",
    .hint = "Differentiate (λ/2) w² for one weight w: the ½ cancels the 2.",
    .signature = "Matrix l2_weight_gradient(const Matrix& dJ_dW, const Matrix& W, double lambda)",
    .start = "  Matrix gradient = dJ_dW;  // replace with ∂J/∂W plus the penalty's gradient\n  (void)W, (void)lambda;\n  return gradient;\n"},
};
// clang-format on

}  // namespace

std::span<const Exercise> all_exercises() { return exercises; }

std::optional<Exercise> exercise_named(std::string_view name) {
  for (const Exercise& e : exercises)
    if (e.name == name) return e;
  return std::nullopt;
}

int chapter_of(const Exercise& e) { return std::stoi(std::string(e.folder.substr(0, 2))); }

std::string exercise_number(const Exercise& e) {
  int place = 0;
  for (const Exercise& other : exercises) {
    if (other.folder == e.folder) ++place;
    if (other.name == e.name) break;
  }
  return std::to_string(chapter_of(e)) + "." + std::to_string(place);
}

std::string exercise_path(const Exercise& e) {
  return "chapters/" + std::string(e.folder) + "/exercises/" + std::string(e.name) + ".cpp";
}

std::string signature_line(const Exercise& e) {
  std::string out;
  for (std::size_t at = 0; at < e.signature.size(); ++at) {
    if (e.signature[at] != '\n') {
      out += e.signature[at];
      continue;
    }
    out += ' ';
    while (at + 1 < e.signature.size() && e.signature[at + 1] == ' ') ++at;
  }
  return out;
}

std::string equation_line(const Exercise& e) {
  const Equation& eq = equation(e.equation);
  return "(" + std::string(eq.number) + ")  " +
         render_general(eq.text, Notation::unicode, eq.layer_symbol);
}

namespace {

// Wraps text into comment lines of at most 80 columns, "// " and the prefix
// first, and the prefix's width of spaces on the lines that follow.
std::string comment(std::string_view text, std::string_view prefix = "") {
  const auto width = [](std::string_view s) {  // characters, not UTF-8 bytes
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  const std::string indent = "// " + std::string(prefix.empty() ? 0 : width(prefix) + 1, ' ');
  std::string out;
  std::string line = prefix.empty() ? "//" : "// " + std::string(prefix);
  std::size_t columns = width(line);
  bool first_word = true;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    if (!first_word && columns + 1 + width(word) > 80) {
      out += line + "\n";
      line = indent.substr(0, indent.size() - 1);
      columns = width(line);
    }
    line += ' ';
    line += word;
    columns += 1 + width(word);
    first_word = false;
    at = end + 1;
  }
  return out + line + "\n";
}

}  // namespace

std::string starting_text(const Exercise& e) {
  std::string out;
  out += "// Exercise " + exercise_number(e) + ": " + std::string(e.title) + "\n";
  out += "//\n";
  out += comment(with_numbers(e.statement));
  out += "//\n";
  out += "//   " + equation_line(e) + "\n";
  out += "//\n";
  out += comment(e.shapes, "Shapes:");
  out += comment(with_numbers(e.hint), "Hint:");
  out += "//\n";
  out += "// Write the body between the two marker lines; keep the function's name and\n";
  out += "// parameters. Check it with:  build/bin/exercise check " + std::string(e.name) + "\n";
  out += "#include <bpw/exercise.hpp>\n\n";
  out += "using bpw::Matrix;\n\n";
  out += std::string(e.signature) + "\n{\n";
  out += "  // ---- your code below ----\n";
  out += with_numbers(e.start);
  out += "  // ---- your code above ----\n";
  out += "}\n\n";
  out += "BPW_EXERCISE(" + std::string(e.name) + ")\n";
  return out;
}

}  // namespace bpw
