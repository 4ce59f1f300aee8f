// The checks of the exercises of chapters 8–10 (training, L-BFGS and L2),
// against the library's own results, each with the classic wrong variants of
// its answer.
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/optimize.hpp"
#include "bpw/train.hpp"
#include "exercise_cases.hpp"

namespace bpw::exercise {
namespace {

using enum Mistake;

// The weight matrices of a network, and its bias rows (of the layers that have them).
std::vector<Matrix> weights_of(const Network& n) {
  std::vector<Matrix> W;
  for (int l = 1; l < n.L(); ++l) W.push_back(n.layer(l).W);
  return W;
}
std::vector<Matrix> biases_of(const Network& n) {
  std::vector<Matrix> b;
  for (int l = 1; l < n.L(); ++l)
    if (n.layer(l).has_bias) b.push_back(n.layer(l).b);
  return b;
}

bool check_accuracy(Check& c, const Function& learner) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s :
       {setting({2, 3, 2}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 1, 101),
        setting({3, 4, 3}, {"tanh", "softmax"}, "softmax-cross-entropy", 10, 102),
        setting({4, 5, 4}, {"relu", "softmax"}, "softmax-cross-entropy", 25, 103),
        setting({2, 6, 10}, {"tanh", "softmax"}, "softmax-cross-entropy", 40, 104)}) {
    const double share = bpw::accuracy(s.network, s.data);
    const double M = static_cast<double>(s.data.y.shape(0));
    c.begin(s.description, {given("y", s.data.y), given("ŷ", s.pass.yhat())});
    c.answer([&] { return (*f)(s.data.y, s.pass.yhat()); }, share, {},
             {{not_divided_by_M, "that counts the samples classified right; divide by M for "
                                 "their share",
               [=] { return share * M; }}});
  }
  return true;
}

// A lazy reduction (Debian's xtensor 0.24 reads past the reduced values) gives
// numbers that change from run to run, so no variant can be computed for it:
// the checker recognises it in the learner's source instead (exercise_mistakes).
Knowns<Matrix> softmax_mistakes(const Matrix& z) {
  return {{max_not_subtracted,
           "e^z overflows to ∞ for z near 1000, and ∞/∞ is NaN; subtract each row's largest z "
           "before xt::exp",
           [z] {
             const Matrix e = xt::exp(z);
             const Matrix sum = xt::sum(e, {1}, xt::keep_dims);
             return Matrix(e / sum);
           }},
          {whole_matrix, "each row is one sample and sums to 1 on its own; divide by each row's "
                         "sum, not by the sum of the whole matrix",
           [z] {
             const Matrix e = xt::exp(z - xt::amax(z)());
             return Matrix(e / total(e));
           }}};
}

bool check_gradient_norm(Check& c, const Function& learner) {
  const auto f = as<ListNorm>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const Gradients g = all_gradients(s);
    std::vector<Matrix> list;
    std::vector<Given> inputs;
    double norms = 0;
    for (int l = 1; l < s.network.L(); ++l) {
      list.push_back(g.dW[l]);
      if (s.network.layer(l).has_bias) list.push_back(g.db[l]);
    }
    for (const Matrix& m : list) {
      inputs.push_back(given(fmt::format("gradients[{}]", inputs.size()), m));
      norms += frobenius_norm(m);
    }
    const std::vector<double> flat = flatten(s.network, g);
    const double squares = std::inner_product(flat.begin(), flat.end(), flat.begin(), 0.0);
    c.begin(fmt::format("the {} gradients of {}", list.size(), s.description), std::move(inputs));
    c.answer([&] { return (*f)(list); }, std::sqrt(squares), {},
             {{norms_added, "the norms of the parts do not add; add every square, then take one root",
               [=] { return norms; }},
              {square_root, "the sum of squares without its square root", [=] { return squares; }}});
  }
  return true;
}

bool check_parameter_vector(Check& c, const Function& learner) {
  const auto f = as<Parameters>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const std::vector<Matrix> W = weights_of(s.network), b = biases_of(s.network);
    const std::vector<double> theta = parameters_of(s.network);
    Matrix expected({1, theta.size()});
    std::copy(theta.begin(), theta.end(), expected.begin());
    const auto row_of = [](const std::vector<const std::vector<Matrix>*>& lists, bool by_columns) {
      std::vector<double> values;
      for (const auto* list : lists)
        for (const Matrix& m : *list)
          for (double v : by_columns ? transpose(m) : m) values.push_back(v);
      Matrix row({1, values.size()});
      std::copy(values.begin(), values.end(), row.begin());
      return row;
    };
    std::vector<Given> inputs;
    for (std::size_t l = 0; l < W.size(); ++l) inputs.push_back(given(fmt::format("W[{}]", l), W[l]));
    for (std::size_t l = 0; l < b.size(); ++l) inputs.push_back(given(fmt::format("b[{}]", l), b[l]));
    c.begin(s.description, std::move(inputs));
    c.answer([&] { return (*f)(W, b); }, expected, {},
             {{wrong_order, "the biases come first; θ lists every weight and then every bias",
               [&] { return row_of({&b, &W}, false); }},
              {transposed, "each matrix read column by column; θ takes it row by row, as a "
                           "range-for visits it",
               [&] { return row_of({&W, &b}, true); }}});
  }
  return true;
}

// λ for each of the five settings.
constexpr double lambdas[] = {0.1, 1.0, 0.01, 2.5, 0.5};

bool check_l2_penalty(Check& c, const Function& learner) {
  const auto f = as<ListPenalty>(learner);
  if (!f) return false;
  int which = 0;
  for (const Setting& s : settings()) {
    const double lambda = lambdas[which++];
    Network penalised = s.network;
    penalised.set_l2({.lambda = lambda, .averaged = false});
    const std::vector<Matrix> W = weights_of(s.network);
    double squares = 0, norms = 0;
    std::vector<Given> inputs{given("λ", lambda)};
    for (const Matrix& w : W) {
      squares += total(w * w);
      norms += frobenius_norm(w);
      inputs.push_back(given(fmt::format("W[{}]", inputs.size() - 1), w));
    }
    c.begin(fmt::format("the weights of {}, λ = {}", s.description, lambda), std::move(inputs));
    c.answer([&] { return (*f)(W, lambda); }, J_of(penalised, s.data) - J_of(s.network, s.data), {},
             {{half_missing, "λ Σ ‖W‖² without the ½; the penalty is (λ/2) Σ ‖W‖²",
               [=] { return lambda * squares; }},
              {square_root, "‖W‖ where ‖W‖² belongs: the sum of squares, with no square root",
               [=] { return lambda / 2 * norms; }}});
  }
  return true;
}

bool check_l2_weight_gradient(Check& c, const Function& learner) {
  const auto f = as<Scaled>(learner);
  if (!f) return false;
  int which = 0;
  for (const Setting& s : settings()) {
    const double lambda = lambdas[which++];
    Network penalised = s.network;
    penalised.set_l2({.lambda = lambda, .averaged = false});
    const Gradients plain = all_gradients(s);
    Gradients regularised = plain;
    regularize(penalised, regularised, s.data.X.shape(0));
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix &g = plain.dW[l], &W = s.network.layer(l).W;
      c.begin(fmt::format("{}, λ = {}", at_layer(s, l), lambda),
              {given("∂J/∂W", g), given("W", W), given("λ", lambda)});
      c.answer([&] { return (*f)(g, W, lambda); }, regularised.dW[l], {},
               {{half_extra, "(λ/2) W: the 2 of the power rule cancels the ½, leaving λ W",
                 [&] { return Matrix(g + lambda / 2 * W); }},
                {factor_two, "2 λ W: the ½ of the penalty cancels the 2, leaving λ W",
                 [&] { return Matrix(g + 2 * lambda * W); }},
                {sign_flipped, "the penalty's gradient is added: + λ W",
                 [&] { return Matrix(g - lambda * W); }}});
    }
  }
  return true;
}

}  // namespace

void add_training_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"accuracy", check_accuracy},
      // Softmax is checked like the element-wise activations, on z up to ±3000.
      {"softmax",
       [](Check& c, const Function& f) {
         return elementwise(c, f, [](const Matrix& z) { return softmax().f(z); }, softmax_mistakes,
                            1000.0);
       }},
      {"gradient_norm", check_gradient_norm},
      {"parameter_vector", check_parameter_vector},
      {"l2_penalty", check_l2_penalty},
      {"l2_weight_gradient", check_l2_weight_gradient},
  });
}

}  // namespace bpw::exercise
