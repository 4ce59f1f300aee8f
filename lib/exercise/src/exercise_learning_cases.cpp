// The checks of the exercises of chapters 5–10 (gradients, updates, the
// gradient check, training, L-BFGS and L2), against the library's own results
// on the settings of exercise_settings.hpp.
#include <cmath>
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

bool check_weight_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const LayerMatrices delta = all_deltas(s);
    const Gradients g = gradients(s.network, s.pass, delta);
    for (int l = 1; l < s.network.L(); ++l) {
      c.begin(at_layer(s, l));
      c.answer([&] { return (*f)(s.pass.a[l], delta[l + 1]); }, g.dW[l]);
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
    for (int l = 1; l < s.network.L(); ++l) {
      c.begin(at_layer(s, l));
      c.answer([&] { return (*f)(delta[l + 1]); }, g.db[l]);
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
    Gradients steps = g;
    descend(stepped, steps, eta);
    for (int l = 1; l < s.network.L(); ++l) {
      c.begin(fmt::format("{}, η = {}", at_layer(s, l), eta));
      c.answer([&] { return (*f)(s.network.layer(l).W, g.dW[l], eta); }, stepped.layer(l).W);
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
  for (std::size_t r = 0; r < std::size(rates); ++r) {
    const Size s = sizes[r + 1];
    const auto [eta, mu] = rates[r];
    Matrix W = normal(s, ++seed), v = xt::zeros<double>({s.rows, s.cols});
    Matrix your_W = W, your_v = v;
    for (int step = 1; step <= 3; ++step) {
      const Matrix g = normal(s, ++seed);
      // (6.5) then (6.6), the reference.
      v = mu * v - eta * g;
      W = W + v;
      c.begin(fmt::format("{}, η = {}, μ = {}, step {} of 3 from v = 0", shape_words("W", s), eta,
                          mu, step));
      if (c.call([&] { (*f)(your_W, your_v, g, eta, mu); }) &&
          c.matrix(your_v, v, fmt::format("v after step {}", step)))
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
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix& W = s.network.layer(l).W;
      const CostOf J = [&](const Matrix& W_l) {
        if (shape_of(W_l) != shape_of(W))
          throw std::invalid_argument("J was given a " + to_string(shape_of(W_l)) +
                                      " matrix; W is " + to_string(shape_of(W)));
        Network nudged = s.network;
        nudged.layer(l).W = W_l;
        return J_of(nudged, s.data);
      };
      c.begin(fmt::format("{}, ε = {}", at_layer(s, l), epsilon));
      c.answer([&] { return (*f)(J, W, epsilon); }, reference.dW[l]);
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
    for (int l = 1; l < s.network.L(); ++l)
      // A clearly wrong gradient too, so that ρ is not always near zero.
      for (double wrong : {0.0, 0.3}) {
        const Matrix numerical =
            n.dW[l] + wrong * standard_normal(n.dW[l].shape(0), n.dW[l].shape(1), 90 + l);
        c.begin(fmt::format("g = ∂J/∂W⁽{}⁾ of {}{}", l, s.description,
                            wrong > 0 ? ", n off by N(0, 0.3²)" : ""));
        c.answer([&] { return (*f)(g.dW[l], numerical); },
                 frobenius_norm(g.dW[l] - numerical) / frobenius_norm(g.dW[l] + numerical));
      }
  }
  return true;
}

bool check_accuracy(Check& c, const Function& learner) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s :
       {setting({2, 3, 2}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 1, 101),
        setting({3, 4, 3}, {"tanh", "softmax"}, "softmax-cross-entropy", 10, 102),
        setting({4, 5, 4}, {"relu", "softmax"}, "softmax-cross-entropy", 25, 103),
        setting({2, 6, 10}, {"tanh", "softmax"}, "softmax-cross-entropy", 40, 104)}) {
    c.begin(s.description);
    c.answer([&] { return (*f)(s.data.y, s.pass.yhat()); }, bpw::accuracy(s.network, s.data));
  }
  return true;
}

bool check_gradient_norm(Check& c, const Function& learner) {
  const auto f = as<ListNorm>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const Gradients g = all_gradients(s);
    std::vector<Matrix> list;
    for (int l = 1; l < s.network.L(); ++l) {
      list.push_back(g.dW[l]);
      if (s.network.layer(l).has_bias) list.push_back(g.db[l]);
    }
    const std::vector<double> flat = flatten(s.network, g);
    c.begin(fmt::format("the {} gradients of {}", list.size(), s.description));
    c.answer([&] { return (*f)(list); },
             std::sqrt(std::inner_product(flat.begin(), flat.end(), flat.begin(), 0.0)));
  }
  return true;
}

bool check_parameter_vector(Check& c, const Function& learner) {
  const auto f = as<Parameters>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const std::vector<double> theta = parameters_of(s.network);
    Matrix expected({1, theta.size()});
    std::copy(theta.begin(), theta.end(), expected.begin());
    c.begin(s.description);
    c.answer([&] { return (*f)(weights_of(s.network), biases_of(s.network)); }, expected);
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
    c.begin(fmt::format("the weights of {}, λ = {}", s.description, lambda));
    c.answer([&] { return (*f)(weights_of(s.network), lambda); },
             J_of(penalised, s.data) - J_of(s.network, s.data));
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
      c.begin(fmt::format("{}, λ = {}", at_layer(s, l), lambda));
      c.answer([&] { return (*f)(plain.dW[l], s.network.layer(l).W, lambda); },
               regularised.dW[l]);
    }
  }
  return true;
}

}  // namespace

void add_learning_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"weight_gradient", check_weight_gradient},
      {"bias_gradient", check_bias_gradient},
      {"weight_update", check_weight_update},
      {"momentum_update", check_momentum_update},
      {"numerical_gradient", check_numerical_gradient},
      {"norm_ratio", check_norm_ratio},
      {"accuracy", check_accuracy},
      {"gradient_norm", check_gradient_norm},
      {"parameter_vector", check_parameter_vector},
      {"l2_penalty", check_l2_penalty},
      {"l2_weight_gradient", check_l2_weight_gradient},
  });
}

}  // namespace bpw::exercise
