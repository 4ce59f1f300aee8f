// The checks of the exercises of chapters 1–2 (the forward pass and the cost),
// on networks and data of several shapes, activations and seeds, with the
// library's own result as the reference, so that no single hard-coded answer
// passes. Each case lists the classic wrong variants of its answer, computed
// by running the reference with that one mistake.
#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/cost.hpp"
#include "bpw/train.hpp"
#include "exercise_cases.hpp"

namespace bpw::exercise {

bool elementwise(Check& c, const Function& learner, const Reference& reference,
                 const KnownsOf& known, double wide) {
  const auto f = as<Elementwise>(learner);
  if (!f) return false;
  std::uint64_t seed = 10;
  for (Size s : sizes)
    for (double scale : {1.0, wide}) {
      const Matrix z = normal(s, ++seed, scale);
      c.begin(fmt::format("{}, drawn from N(0, {}²)", shape_words("z", s), scale), {given("z", z)});
      c.answer([&] { return (*f)(z); }, reference(z), {"z", &z}, known(z));
    }
  return true;
}

namespace {

using enum Mistake;

Knowns<Matrix> sigmoid_mistakes(const Matrix& z) {
  return {{sign_flipped, "1 / (1 + e^(z)) is σ(−z); the exponent is −z: xt::exp(-z)",
           [z] { return sigmoid().f(-z); }}};
}

bool check_weighted_input(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : settings())
    for (int l = 1; l < s.network.L(); ++l) {
      const Layer& layer = s.network.layer(l);
      const Matrix& a = s.pass.a[l];
      const Matrix& z = s.pass.z[l + 1];
      c.begin(at_layer(s, l), {given("a", a), given("W", layer.W), given("b", layer.b)});
      c.answer([&] { return (*f)(a, layer.W, layer.b); }, z, {},
               {{term_left_out, "the bias row b is not added; b adds to every row of a W",
                 [&] { return matmul(a, layer.W); }},
                {transposed, "a W is [M×k], one row per sample; Wᵀ aᵀ is its transpose",
                 [&] { return transpose(z); }}});
    }
  return true;
}

// σ(a W + b), or an empty matrix when the shapes do not fit: a variant that
// uses another layer's matrices exists only where they would fit.
Matrix sigmoid_layer(const Matrix& a, const Matrix& W, const Matrix& b) {
  if (a.shape(1) != W.shape(0) || b.shape(1) != W.shape(1)) return Matrix();
  return sigmoid().f(matmul(a, W) + b);
}

// The variants are computed after this returns, while X and n are alive:
// they hold pointers to them.
Knowns<Matrix> network_output_mistakes(const Matrix& X, const Network& n) {
  const Matrix *x = &X, *W1 = &n.layer(1).W, *b1 = &n.layer(1).b, *W2 = &n.layer(2).W,
               *b2 = &n.layer(2).b;
  return {
      {z_for_a, "the hidden layer's σ is left out: the output layer takes a⁽²⁾ = σ(z⁽²⁾), not z⁽²⁾",
       [=] { return sigmoid().f(matmul(matmul(*x, *W1) + *b1, *W2) + *b2); }},
      {z_for_a, "the output layer's σ is left out: ŷ = σ(z⁽³⁾), not z⁽³⁾",
       [=] { return Matrix(matmul(sigmoid().f(matmul(*x, *W1) + *b1), *W2) + *b2); }},
      {wrong_layer, "the output layer adds b1; its own bias is b2",
       [=] { return sigmoid_layer(sigmoid_layer(*x, *W1, *b1), *W2, *b1); }},
      {wrong_layer, "the output layer multiplies by W1; its own weights are W2",
       [=] { return sigmoid_layer(sigmoid_layer(*x, *W1, *b1), *W1, *b2); }},
  };
}

bool check_network_output(Check& c, const Function& learner) {
  const auto f = as<Five>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 21),
                           setting({2, 3, 1}, {"sigmoid", "sigmoid"}, "sse", 4, 22),
                           setting({4, 5, 3}, {"sigmoid", "sigmoid"}, "sse", 6, 23),
                           setting({1, 2, 4}, {"sigmoid", "sigmoid"}, "sse", 3, 24)}) {
    const Network& n = s.network;
    c.begin(s.description, {given("X", s.data.X), given("W1", n.layer(1).W),
                            given("b1", n.layer(1).b), given("W2", n.layer(2).W),
                            given("b2", n.layer(2).b)});
    c.answer([&] { return (*f)(s.data.X, n.layer(1).W, n.layer(1).b, n.layer(2).W, n.layer(2).b); },
             s.pass.yhat(), {}, network_output_mistakes(s.data.X, n));
  }
  return true;
}

Knowns<double> sse_mistakes(const Matrix& y, const Matrix& yhat) {
  const Matrix e = y - yhat;
  const double squares = total(e * e), M = static_cast<double>(y.shape(0));
  return {{half_missing, "Σ (y − ŷ)² without the ½ in front", [=] { return squares; }},
          {half_extra, "the ½ is there twice; J = ½ Σ (y − ŷ)²", [=] { return squares / 4; }},
          {divided_by_M, "that is the mean over the M samples; this J sums them",
           [=] { return squares / 2 / M; }}};
}

Knowns<double> cross_entropy_mistakes(const Matrix& y, const Matrix& yhat) {
  const Matrix inside = y * xt::log(yhat) + (1.0 - y) * xt::log(1.0 - yhat);
  const double sum = total(inside), M = static_cast<double>(y.shape(0));
  return {{sign_flipped, "the minus in front of the sum is missing; J = −Σ […] is positive",
           [=] { return sum; }},
          {term_left_out, "only −Σ y ln ŷ: the (1 − y) ln(1 − ŷ) term is left out",
           [first = -total(y * xt::log(yhat))] { return first; }},
          {divided_by_M, "that is the mean over the M samples; this J sums them",
           [=] { return -sum / M; }}};
}

// A cost of (y, ŷ) against the library's J for every network with that cost.
bool cost_check(Check& c, const Function& learner, std::string_view cost) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, cost, 1, 31),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, cost, 5, 32),
                           setting({2, 5, 3}, {"relu", "sigmoid"}, cost, 8, 33),
                           setting({4, 3, 1}, {"sigmoid", "sigmoid"}, cost, 3, 34)}) {
    const Matrix &y = s.data.y, &yhat = s.pass.yhat();
    c.begin(s.description, {given("y", y), given("ŷ", yhat)});
    c.answer([&] { return (*f)(y, yhat); }, J_of(s.network, s.data), {},
             cost == "sse" ? sse_mistakes(y, yhat) : cross_entropy_mistakes(y, yhat));
  }
  return true;
}

bool check_sse_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  std::uint64_t seed = 40;
  for (Size s : sizes) {
    // ŷ from a sigmoid output, and targets it can reach.
    const Matrix y = sigmoid().f(normal(s, ++seed)), yhat = sigmoid().f(normal(s, ++seed));
    const Matrix gradient = sse().dJ_dyhat(y, yhat);
    c.begin(fmt::format("y and ŷ are {}×{}, ŷ from a sigmoid output and y in (0, 1)", s.rows, s.cols),
            {given("y", y), given("ŷ", yhat)});
    c.answer([&] { return (*f)(y, yhat); }, gradient, {},
             {{sign_flipped, "y − ŷ is −∂J/∂ŷ; the chain rule through −ŷ brings a minus: ŷ − y",
               [&] { return negated(gradient); }},
              {factor_two, "the 2 of the power rule is kept; the ½ of J cancels it",
               [&] { return Matrix(2.0 * gradient); }},
              {half_extra, "the ½ of J and the 2 of the power rule cancel each other",
               [&] { return Matrix(0.5 * gradient); }},
              {divided_by_M, "this J sums over the M samples, so its gradient has no 1/M",
               [&] { return per_sample(gradient, s.rows); }}});
  }
  return true;
}

}  // namespace

void add_forward_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"sigmoid",
       [](Check& c, const Function& f) {
         return elementwise(c, f, [](const Matrix& z) { return sigmoid().f(z); }, sigmoid_mistakes);
       }},
      {"weighted_input", check_weighted_input},
      {"network_output", check_network_output},
      {"sse_cost", [](Check& c, const Function& f) { return cost_check(c, f, "sse"); }},
      {"cross_entropy_cost",
       [](Check& c, const Function& f) { return cost_check(c, f, "cross-entropy"); }},
      {"sse_gradient", check_sse_gradient},
  });
}

}  // namespace bpw::exercise
