// The checks of the exercises of chapters 1–4 (the forward pass, the cost and
// the deltas), on networks and data of several shapes, activations and seeds,
// with the library's own result as the reference, so that no single
// hard-coded answer passes.
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/backprop.hpp"
#include "bpw/cost.hpp"
#include "bpw/gradcheck.hpp"
#include "bpw/optimize.hpp"
#include "bpw/train.hpp"
#include "exercise_check.hpp"
#include "exercise_settings.hpp"

namespace bpw::exercise {
namespace {

// Each returns false when the learner's function is of another kind, and runs
// its cases otherwise; Check keeps the first thing wrong and then stops
// running the learner's code.

// A function of z against the library's, on every shape, and with z drawn wide
// enough (`wide`) that a careless formula overflows.
using Reference = std::function<Matrix(const Matrix&)>;

// f(z) and f′(z) of one of the library's activations, as a function of z alone.
Reference function_of(const Activation& f) {
  return [&f](const Matrix& z) { return f.f(z); };
}
Reference derivative_of(const Activation& f) {
  return [&f](const Matrix& z) { return f.f_prime(z, f.f(z)); };
}

bool elementwise(Check& c, const Function& learner, const Reference& reference,
                 double wide = 30.0) {
  const auto f = as<Elementwise>(learner);
  if (!f) return false;
  std::uint64_t seed = 10;
  for (Size s : sizes)
    for (double scale : {1.0, wide}) {
      const Matrix z = normal(s, ++seed, scale);
      c.begin(fmt::format("{}, drawn from N(0, {}²)", shape_words("z", s), scale));
      c.answer([&] { return (*f)(z); }, reference(z), {"z", &z});
    }
  return true;
}

bool check_weighted_input(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : settings())
    for (int l = 1; l < s.network.L(); ++l) {
      const Layer& layer = s.network.layer(l);
      c.begin(at_layer(s, l));
      c.answer([&] { return (*f)(s.pass.a[l], layer.W, layer.b); }, s.pass.z[l + 1]);
    }
  return true;
}

bool check_network_output(Check& c, const Function& learner) {
  const auto f = as<Five>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 21),
                           setting({2, 3, 1}, {"sigmoid", "sigmoid"}, "sse", 4, 22),
                           setting({4, 5, 3}, {"sigmoid", "sigmoid"}, "sse", 6, 23),
                           setting({1, 2, 4}, {"sigmoid", "sigmoid"}, "sse", 3, 24)}) {
    const Network& n = s.network;
    c.begin(s.description);
    c.answer([&] { return (*f)(s.data.X, n.layer(1).W, n.layer(1).b, n.layer(2).W, n.layer(2).b); },
             s.pass.yhat());
  }
  return true;
}

// A cost of (y, ŷ) against the library's J for every network with that cost.
bool cost_check(Check& c, const Function& learner, std::string_view cost) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, cost, 1, 31),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, cost, 5, 32),
                           setting({2, 5, 3}, {"relu", "sigmoid"}, cost, 8, 33),
                           setting({4, 3, 1}, {"sigmoid", "sigmoid"}, cost, 3, 34)}) {
    c.begin(s.description);
    c.answer([&] { return (*f)(s.data.y, s.pass.yhat()); }, J_of(s.network, s.data));
  }
  return true;
}

bool check_sse_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  std::uint64_t seed = 40;
  for (Size s : sizes) {
    const Matrix y = normal(s, ++seed), yhat = normal(s, ++seed);
    c.begin(fmt::format("y and ŷ are {}×{}", s.rows, s.cols));
    c.answer([&] { return (*f)(y, yhat); }, sse().dJ_dyhat(y, yhat));
  }
  return true;
}

bool check_output_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 51),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 52),
                           setting({2, 3, 5, 3}, {"relu", "tanh", "sigmoid"}, "sse", 4, 53),
                           setting({4, 2, 1}, {"sigmoid", "sigmoid"}, "sse", 7, 54)}) {
    const int L = s.network.L();
    c.begin(s.description);
    c.answer([&] { return (*f)(s.data.y, s.pass.yhat(), s.pass.z[L]); },
             all_deltas(s)[s.network.L()]);
  }
  return true;
}

bool check_cross_entropy_delta(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  for (const Setting& s :
       {setting({2, 2, 1}, {"sigmoid", "sigmoid"}, "cross-entropy", 1, 61),
        setting({3, 4, 2}, {"tanh", "sigmoid"}, "cross-entropy", 5, 62),
        setting({2, 5, 3}, {"relu", "softmax"}, "softmax-cross-entropy", 6, 63),
        setting({4, 3, 4}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 3, 64)}) {
    c.begin(s.description);
    c.answer([&] { return (*f)(s.data.y, s.pass.yhat()); },
             all_deltas(s)[s.network.L()]);
  }
  return true;
}

bool check_hidden_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 71),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 72),
                           setting({2, 5, 3, 1}, {"relu", "tanh", "identity"}, "sse", 4, 73),
                           setting({4, 3, 6, 2}, {"sigmoid", "tanh", "softmax"},
                                   "softmax-cross-entropy", 6, 74)}) {
    const LayerMatrices delta = all_deltas(s);
    for (int l = s.network.L() - 1; l >= 2; --l) {
      // z⁽ˡ⁾ went through the activation of weight layer l − 1.
      const Matrix f_prime = s.network.activation(l).f_prime(s.pass.z[l], s.pass.a[l]);
      c.begin(at_layer(s, l));
      c.answer([&] { return (*f)(delta[l + 1], s.network.layer(l).W, f_prime); }, delta[l]);
    }
  }
  return true;
}

}  // namespace

void add_forward_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"sigmoid", [](Check& c, const Function& f) { return elementwise(c, f, function_of(sigmoid())); }},
      {"weighted_input", check_weighted_input},
      {"network_output", check_network_output},
      {"sse_cost", [](Check& c, const Function& f) { return cost_check(c, f, "sse"); }},
      {"cross_entropy_cost",
       [](Check& c, const Function& f) { return cost_check(c, f, "cross-entropy"); }},
      {"sse_gradient", check_sse_gradient},
      {"sigmoid_derivative",
       [](Check& c, const Function& f) { return elementwise(c, f, derivative_of(sigmoid())); }},
      {"output_delta", check_output_delta},
      {"cross_entropy_delta", check_cross_entropy_delta},
      {"hidden_delta", check_hidden_delta},
      {"tanh_derivative",
       [](Check& c, const Function& f) { return elementwise(c, f, derivative_of(tanh_activation())); }},
      // Chapter 8's softmax is checked like the element-wise activations, on z up to ±3000.
      {"softmax",
       [](Check& c, const Function& f) { return elementwise(c, f, function_of(softmax()), 1000.0); }},
  });
}

}  // namespace bpw::exercise
