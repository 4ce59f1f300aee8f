// What each exercise is checked on: networks and data of several shapes,
// activations and seeds, with the library's own result as the reference, so
// that no single hard-coded answer passes.
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/backprop.hpp"
#include "bpw/cost.hpp"
#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/gradcheck.hpp"
#include "bpw/network.hpp"
#include "bpw/optimize.hpp"
#include "bpw/train.hpp"
#include "exercise_check.hpp"
#include "exercise_settings.hpp"

namespace bpw::exercise {
namespace {

template <class F>
const F* as(const Function& learner) {
  return std::get_if<F>(&learner);
}

using Elementwise = Matrix (*)(const Matrix&);
using Pair = Matrix (*)(const Matrix&, const Matrix&);
using Triple = Matrix (*)(const Matrix&, const Matrix&, const Matrix&);
using Five = Matrix (*)(const Matrix&, const Matrix&, const Matrix&, const Matrix&, const Matrix&);
using Scaled = Matrix (*)(const Matrix&, const Matrix&, double);
using Scalar = double (*)(const Matrix&, const Matrix&);
using Momentum = void (*)(Matrix&, Matrix&, const Matrix&, double, double);
using Numerical = Matrix (*)(const CostOf&, const Matrix&, double);
using ListNorm = double (*)(const std::vector<Matrix>&);
using ListPenalty = double (*)(const std::vector<Matrix>&, double);
using Parameters = Matrix (*)(const std::vector<Matrix>&, const std::vector<Matrix>&);

// ---- the checkers -----------------------------------------------------------

// A function of z against the library's, on every shape, and with z drawn wide
// enough (`wide`) that a careless formula overflows.
bool elementwise(Check& c, const Function& learner, Matrix (*reference)(const Matrix&),
                 double wide = 30.0) {
  const auto f = as<Elementwise>(learner);
  if (!f) return false;
  std::uint64_t seed = 10;
  for (Size s : sizes) {
    for (double scale : {1.0, wide}) {
      if (c.failed()) return true;
      const Matrix z = normal(s, ++seed, scale);
      c.begin(fmt::format("{}, drawn from N(0, {}²)", shape_words("z", s), scale));
      Matrix yours;
      if (c.call([&] { yours = (*f)(z); })) c.matrix(yours, reference(z), {}, {"z", &z});
    }
  }
  return true;
}

bool check_weighted_input(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : settings())
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      const Layer& layer = s.network.layer(l);
      c.begin(at_layer(s, l));
      Matrix yours;
      if (c.call([&] { yours = (*f)(s.pass.a[l], layer.W, layer.b); }))
        c.matrix(yours, s.pass.z[l + 1]);
    }
  return true;
}

bool check_network_output(Check& c, const Function& learner) {
  const auto f = as<Five>(learner);
  if (!f) return false;
  const Setting cases[] = {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 21),
                           setting({2, 3, 1}, {"sigmoid", "sigmoid"}, "sse", 4, 22),
                           setting({4, 5, 3}, {"sigmoid", "sigmoid"}, "sse", 6, 23),
                           setting({1, 2, 4}, {"sigmoid", "sigmoid"}, "sse", 3, 24)};
  for (const Setting& s : cases) {
    if (c.failed()) break;
    const Network& n = s.network;
    c.begin(s.description);
    Matrix yours;
    if (c.call([&] { yours = (*f)(s.data.X, n.layer(1).W, n.layer(1).b, n.layer(2).W, n.layer(2).b); }))
      c.matrix(yours, s.pass.yhat());
  }
  return true;
}

// A cost of (y, ŷ) against the library's J for every network with that cost.
bool cost_check(Check& c, const Function& learner, std::string_view cost) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  const Setting cases[] = {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, cost, 1, 31),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, cost, 5, 32),
                           setting({2, 5, 3}, {"relu", "sigmoid"}, cost, 8, 33),
                           setting({4, 3, 1}, {"sigmoid", "sigmoid"}, cost, 3, 34)};
  for (const Setting& s : cases) {
    if (c.failed()) break;
    c.begin(s.description);
    double yours = 0;
    if (c.call([&] { yours = (*f)(s.data.y, s.pass.yhat()); }))
      c.number(yours, cost_of(s.network, s.data));
  }
  return true;
}

bool check_sse_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  std::uint64_t seed = 40;
  for (Size s : sizes) {
    if (c.failed()) break;
    const Matrix y = normal(s, ++seed), yhat = normal(s, ++seed);
    c.begin(fmt::format("y and ŷ are {}×{}", s.rows, s.cols));
    Matrix yours;
    if (c.call([&] { yours = (*f)(y, yhat); })) c.matrix(yours, sse().dJ_dyhat(y, yhat));
  }
  return true;
}

bool check_output_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  const Setting cases[] = {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 51),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 52),
                           setting({2, 3, 5, 3}, {"relu", "tanh", "sigmoid"}, "sse", 4, 53),
                           setting({4, 2, 1}, {"sigmoid", "sigmoid"}, "sse", 7, 54)};
  for (const Setting& s : cases) {
    if (c.failed()) break;
    const int L = s.network.L();
    c.begin(s.description);
    Matrix yours;
    if (c.call([&] { yours = (*f)(s.data.y, s.pass.yhat(), s.pass.z[L]); }))
      c.matrix(yours, output_delta(s.network, s.pass, s.data.y));
  }
  return true;
}

bool check_cross_entropy_delta(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  const Setting cases[] = {
      setting({2, 2, 1}, {"sigmoid", "sigmoid"}, "cross-entropy", 1, 61),
      setting({3, 4, 2}, {"tanh", "sigmoid"}, "cross-entropy", 5, 62),
      setting({2, 5, 3}, {"relu", "softmax"}, "softmax-cross-entropy", 6, 63),
      setting({4, 3, 4}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 3, 64)};
  for (const Setting& s : cases) {
    if (c.failed()) break;
    c.begin(s.description);
    Matrix yours;
    if (c.call([&] { yours = (*f)(s.data.y, s.pass.yhat()); }))
      c.matrix(yours, output_delta(s.network, s.pass, s.data.y));
  }
  return true;
}

bool check_hidden_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  const Setting cases[] = {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 71),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 72),
                           setting({2, 5, 3, 1}, {"relu", "tanh", "identity"}, "sse", 4, 73),
                           setting({4, 3, 6, 2}, {"sigmoid", "tanh", "softmax"},
                                   "softmax-cross-entropy", 6, 74)};
  for (const Setting& s : cases) {
    const LayerMatrices delta = all_deltas(s);
    for (int l = s.network.L() - 1; l >= 2 && !c.failed(); --l) {
      // z⁽ˡ⁾ went through the activation of weight layer l − 1.
      const Matrix f_prime = s.network.layer(l - 1).f.f_prime(s.pass.z[l]);
      c.begin(at_layer(s, l));
      Matrix yours;
      if (c.call([&] { yours = (*f)(delta[l + 1], s.network.layer(l).W, f_prime); }))
        c.matrix(yours, delta[l]);
    }
  }
  return true;
}

bool check_weight_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const LayerMatrices delta = all_deltas(s);
    const Gradients g = gradients(s.network, s.pass, delta);
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      c.begin(at_layer(s, l));
      Matrix yours;
      if (c.call([&] { yours = (*f)(s.pass.a[l], delta[l + 1]); })) c.matrix(yours, g.dW[l]);
    }
  }
  return true;
}

bool check_bias_gradient(Check& c, const Function& learner) {
  const auto f = as<Elementwise>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    if (!s.network.has_biases()) continue;
    const LayerMatrices delta = all_deltas(s);
    const Gradients g = gradients(s.network, s.pass, delta);
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      c.begin(at_layer(s, l));
      Matrix yours;
      if (c.call([&] { yours = (*f)(delta[l + 1]); })) c.matrix(yours, g.db[l]);
    }
  }
  return true;
}

bool check_weight_update(Check& c, const Function& learner) {
  const auto f = as<Scaled>(learner);
  if (!f) return false;
  const double etas[] = {0.5, 0.1, 2.0, 0.01, 1.0};
  int which = 0;
  for (const Setting& s : settings()) {
    const double eta = etas[which++];
    const Gradients g = all_gradients(s);
    Network stepped = s.network;
    gradient_descent_step(stepped, g, eta);
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      c.begin(fmt::format("{}, η = {}", at_layer(s, l), eta));
      Matrix yours;
      if (c.call([&] { yours = (*f)(s.network.layer(l).W, g.dW[l], eta); }))
        c.matrix(yours, stepped.layer(l).W);
    }
  }
  return true;
}

bool check_momentum_update(Check& c, const Function& learner) {
  const auto f = as<Momentum>(learner);
  if (!f) return false;
  struct Rates {
    double eta, mu;
  };
  const Rates rates[] = {{0.1, 0.9}, {0.5, 0.0}, {0.05, 0.5}, {1.0, 0.99}};
  std::uint64_t seed = 80;
  for (std::size_t r = 0; r < std::size(rates) && !c.failed(); ++r) {
    const Size s = sizes[r + 1];
    const auto [eta, mu] = rates[r];
    Matrix W = normal(s, ++seed), v = xt::zeros<double>({s.rows, s.cols});
    Matrix your_W = W, your_v = v;
    for (int step = 1; step <= 3 && !c.failed(); ++step) {
      const Matrix g = normal(s, ++seed);
      // (6.5) then (6.6), the reference.
      v = mu * v - eta * g;
      W = W + v;
      c.begin(fmt::format("{}, η = {}, μ = {}, step {} of 3 from v = 0", shape_words("W", s), eta,
                          mu, step));
      if (!c.call([&] { (*f)(your_W, your_v, g, eta, mu); })) break;
      if (c.matrix(your_v, v, fmt::format("v after step {}", step)))
        c.matrix(your_W, W, fmt::format("W after step {}", step));
    }
  }
  return true;
}

bool check_numerical_gradient(Check& c, const Function& learner) {
  const auto f = as<Numerical>(learner);
  if (!f) return false;
  const double epsilon = 1e-4;
  for (const Setting& s : settings()) {
    const Gradients reference = numerical_gradients(s.network, s.data, epsilon);
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      const Matrix& W = s.network.layer(l).W;
      const CostOf J = [&](const Matrix& W_l) {
        if (shape_of(W_l) != shape_of(W))
          throw std::invalid_argument("J was given a " + to_string(shape_of(W_l)) +
                                      " matrix; W is " + to_string(shape_of(W)));
        Network nudged = s.network;
        nudged.layer(l).W = W_l;
        return cost_of(nudged, s.data);
      };
      c.begin(fmt::format("{}, ε = {}", at_layer(s, l), epsilon));
      Matrix yours;
      if (c.call([&] { yours = (*f)(J, W, epsilon); })) c.matrix(yours, reference.dW[l]);
    }
  }
  return true;
}

bool check_norm_ratio(Check& c, const Function& learner) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const Gradients g = all_gradients(s);
    const Gradients n = numerical_gradients(s.network, s.data, 1e-4);
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      // A slightly wrong gradient too, so that ρ is not always near zero.
      for (double wrong : {0.0, 0.3}) {
        if (c.failed()) break;
        const Matrix numerical = n.dW[l] + wrong * standard_normal(n.dW[l].shape(0), n.dW[l].shape(1), 90 + l);
        c.begin(fmt::format("g = ∂J/∂W⁽{}⁾ of {}{}", l, s.description,
                            wrong > 0 ? ", n off by N(0, 0.3²)" : ""));
        double yours = 0;
        if (c.call([&] { yours = (*f)(g.dW[l], numerical); }))
          c.number(yours, frobenius_norm(g.dW[l] - numerical) / frobenius_norm(g.dW[l] + numerical));
      }
    }
  }
  return true;
}

bool check_accuracy(Check& c, const Function& learner) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  const Setting cases[] = {
      setting({2, 3, 2}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 1, 101),
      setting({3, 4, 3}, {"tanh", "softmax"}, "softmax-cross-entropy", 10, 102),
      setting({4, 5, 4}, {"relu", "softmax"}, "softmax-cross-entropy", 25, 103),
      setting({2, 6, 10}, {"tanh", "softmax"}, "softmax-cross-entropy", 40, 104)};
  for (const Setting& s : cases) {
    if (c.failed()) break;
    c.begin(s.description);
    double yours = 0;
    if (c.call([&] { yours = (*f)(s.data.y, s.pass.yhat()); }))
      c.number(yours, bpw::accuracy(s.network, s.data));
  }
  return true;
}

bool check_gradient_norm(Check& c, const Function& learner) {
  const auto f = as<ListNorm>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    if (c.failed()) break;
    const Gradients g = all_gradients(s);
    std::vector<Matrix> list;
    for (int l = 1; l < s.network.L(); ++l) {
      list.push_back(g.dW[l]);
      if (s.network.layer(l).has_bias) list.push_back(g.db[l]);
    }
    const std::vector<double> flat = flatten(s.network, g);
    c.begin(fmt::format("the {} gradients of {}", list.size(), s.description));
    double yours = 0;
    if (c.call([&] { yours = (*f)(list); }))
      c.number(yours, std::sqrt(std::inner_product(flat.begin(), flat.end(), flat.begin(), 0.0)));
  }
  return true;
}

bool check_parameter_vector(Check& c, const Function& learner) {
  const auto f = as<Parameters>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    if (c.failed()) break;
    std::vector<Matrix> W, b;
    for (int l = 1; l < s.network.L(); ++l) {
      W.push_back(s.network.layer(l).W);
      if (s.network.layer(l).has_bias) b.push_back(s.network.layer(l).b);
    }
    const std::vector<double> theta = parameters_of(s.network);
    Matrix expected({1, theta.size()});
    std::copy(theta.begin(), theta.end(), expected.begin());
    c.begin(s.description);
    Matrix yours;
    if (c.call([&] { yours = (*f)(W, b); })) c.matrix(yours, expected);
  }
  return true;
}

bool check_l2_penalty(Check& c, const Function& learner) {
  const auto f = as<ListPenalty>(learner);
  if (!f) return false;
  const double lambdas[] = {0.1, 1.0, 0.01, 2.5, 0.5};
  int which = 0;
  for (const Setting& s : settings()) {
    if (c.failed()) break;
    const double lambda = lambdas[which++];
    Network penalised = s.network;
    penalised.set_l2({.lambda = lambda, .averaged = false});
    std::vector<Matrix> W;
    for (int l = 1; l < s.network.L(); ++l) W.push_back(s.network.layer(l).W);
    c.begin(fmt::format("the weights of {}, λ = {}", s.description, lambda));
    double yours = 0;
    if (c.call([&] { yours = (*f)(W, lambda); }))
      c.number(yours, cost_of(penalised, s.data) - cost_of(s.network, s.data));
  }
  return true;
}

bool check_l2_weight_gradient(Check& c, const Function& learner) {
  const auto f = as<Scaled>(learner);
  if (!f) return false;
  const double lambdas[] = {0.1, 1.0, 0.01, 2.5, 0.5};
  int which = 0;
  for (const Setting& s : settings()) {
    const double lambda = lambdas[which++];
    Network penalised = s.network;
    penalised.set_l2({.lambda = lambda, .averaged = false});
    const Gradients plain = all_gradients(s);
    Gradients regularised = plain;
    regularize(penalised, regularised, s.data.X.shape(0));
    for (int l = 1; l < s.network.L() && !c.failed(); ++l) {
      c.begin(fmt::format("{}, λ = {}", at_layer(s, l), lambda));
      Matrix yours;
      if (c.call([&] { yours = (*f)(plain.dW[l], s.network.layer(l).W, lambda); }))
        c.matrix(yours, regularised.dW[l]);
    }
  }
  return true;
}

}  // namespace

const std::map<std::string_view, Checker>& checkers() {
  static const std::map<std::string_view, Checker> table{
      {"sigmoid", [](Check& c, const Function& f) { return elementwise(c, f, sigmoid().f); }},
      {"weighted_input", check_weighted_input},
      {"network_output", check_network_output},
      {"sse_cost", [](Check& c, const Function& f) { return cost_check(c, f, "sse"); }},
      {"cross_entropy_cost",
       [](Check& c, const Function& f) { return cost_check(c, f, "cross-entropy"); }},
      {"sse_gradient", check_sse_gradient},
      {"sigmoid_derivative",
       [](Check& c, const Function& f) { return elementwise(c, f, sigmoid().f_prime); }},
      {"output_delta", check_output_delta},
      {"cross_entropy_delta", check_cross_entropy_delta},
      {"hidden_delta", check_hidden_delta},
      {"tanh_derivative",
       [](Check& c, const Function& f) { return elementwise(c, f, tanh_activation().f_prime); }},
      {"weight_gradient", check_weight_gradient},
      {"bias_gradient", check_bias_gradient},
      {"weight_update", check_weight_update},
      {"momentum_update", check_momentum_update},
      {"numerical_gradient", check_numerical_gradient},
      {"norm_ratio", check_norm_ratio},
      {"accuracy", check_accuracy},
      {"softmax", [](Check& c, const Function& f) { return elementwise(c, f, softmax().f, 1000.0); }},
      {"gradient_norm", check_gradient_norm},
      {"parameter_vector", check_parameter_vector},
      {"l2_penalty", check_l2_penalty},
      {"l2_weight_gradient", check_l2_weight_gradient},
  };
  return table;
}

}  // namespace bpw::exercise
