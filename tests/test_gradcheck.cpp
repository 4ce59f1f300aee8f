#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
#include <bpw/cost.hpp>
#include <bpw/data.hpp>
#include <bpw/forward.hpp>
#include <bpw/gradcheck.hpp>
#include <bpw/network.hpp>
#include <bpw/train.hpp>

using namespace bpw;

namespace {

Dataset sampled_data(std::size_t samples, std::size_t inputs, std::size_t outputs, unsigned seed,
                     Targets targets = Targets::unit) {
  const Matrix X = standard_normal(samples, inputs, seed);
  Matrix y = sigmoid().f(standard_normal(samples, outputs, seed + 1));  // targets in (0, 1)
  if (targets == Targets::one_hot) {
    const Matrix p = y;
    y = xt::zeros_like(p);
    for (std::size_t m = 0; m < samples; ++m) y(m, (m * 7 + seed) % outputs) = 1.0;
  }
  return {X, y};
}

}  // namespace

TEST_CASE("backpropagation matches the numerical gradient on random networks",
          "[gradcheck][backprop]") {
  const std::vector<std::vector<std::size_t>> shapes = {{3, 2}, {3, 4, 2}, {2, 5, 3, 1}, {4, 3, 3, 2, 2}};
  unsigned seed = 100;
  for (const auto& sizes : shapes)
    for (const Activation* f : all_activations())
      for (const Cost* cost : all_costs())
        for (bool biases : {false, true}) {
          // Softmax only at the output; a cross-entropy only with its own output.
          const Activation& hidden = f->elementwise() ? *f : tanh_activation();
          const Activation& output = cost->output_activation.empty()
                                         ? *f
                                         : activation_named(cost->output_activation);
          if (!cost->output_activation.empty() && f->name != cost->output_activation) continue;
          if (output.name == "softmax" && sizes.back() < 2) continue;
          ++seed;
          std::vector<Activation> activations(sizes.size() - 1, hidden);
          activations.back() = output;
          const Network net = random_network({sizes, activations, *cost, biases}, seed);
          const Dataset data = sampled_data(6, sizes.front(), sizes.back(), seed * 7, cost->targets);
          const Gradients g = backprop(net, data);
          const Gradients n = numerical_gradients(net, data, 1e-5);
          INFO("depth " << sizes.size() - 1 << ", " << hidden.name << " then " << output.name << ", " << cost->name
                        << (biases ? ", with biases" : ", no biases") << ", seed " << seed);
          CHECK(norm_ratio(g, n) < 1e-7);
          for (int l = 1; l < net.L(); ++l) {
            CHECK(max_abs_difference(g.dW[l], n.dW[l]) < 1e-7);
            if (biases) CHECK(max_abs_difference(g.db[l], n.db[l]) < 1e-7);
          }
        }
}

TEST_CASE("L2 in both forms matches the numerical gradient", "[gradcheck][l2]") {
  for (bool averaged : {false, true}) {
    Network net = random_network({{3, 4, 2}, {tanh_activation(), sigmoid()}, mse(), true}, 77);
    net.set_l2({0.3, averaged});
    const Dataset data = sampled_data(5, 3, 2, 78);
    CHECK(norm_ratio(backprop(net, data), numerical_gradients(net, data, 1e-5)) < 1e-8);
    // J̃ − J is the penalty alone: (λ/2) Σ ‖W‖², the biases left out
    Network plain = net;
    plain.set_l2({});
    const double squares = total(Matrix(net.layer(1).W * net.layer(1).W)) +
                           total(Matrix(net.layer(2).W * net.layer(2).W));
    const double data_term = averaged ? J_of(plain, data) / 5.0 : J_of(plain, data);
    CHECK(J_of(net, data) == Catch::Detail::Approx(data_term + 0.15 * squares));
  }
}

TEST_CASE("a wrong derivative fails the gradient check", "[gradcheck]") {
  Network net = random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 3);
  const Dataset data = sleep_study();
  const Gradients n = numerical_gradients(net, data, 1e-4);
  CHECK(verdict_for(norm_ratio(backprop(net, data), n)).passed);
  for (int l = 1; l < net.L(); ++l) net.layer(l).f = with_broken_derivative(net.layer(l).f);
  const double broken = norm_ratio(backprop(net, data), n);
  CHECK(broken > 1e-2);
  CHECK_FALSE(verdict_for(broken).passed);
}

TEST_CASE("the numerical delta is ∂J/∂z, equal to backpropagation's δ", "[gradcheck]") {
  const Network net = random_network({{3, 4, 4, 2}, {tanh_activation(), relu(), sigmoid()}, mse(), true}, 9);
  const Dataset data = sampled_data(5, 3, 2, 21);
  const ForwardPass pass = forward(net, data.X);
  const LayerMatrices delta = deltas(net, pass, data.y).delta;
  for (int l = 2; l <= net.L(); ++l)
    CHECK(max_abs_difference(delta[l], numerical_delta(net, pass, data.y, l, 1e-5)) < 1e-8);
}

TEST_CASE("relative error and norm ratio worked by hand", "[gradcheck][unit]") {
  // |1.0 − 0.9| / max(1.0, 0.9) = 0.1; both zero counts as agreement
  CHECK(relative_error(1.0, 0.9) == Catch::Detail::Approx(0.1));
  CHECK(relative_error(0.0, 0.0) == 0.0);
  // g = [3, 4], n = [3, 4.5]: ‖g − n‖ = 0.5, ‖g + n‖ = ‖[6, 8.5]‖ = √108.25
  Gradients g{LayerMatrices(1, 1), LayerMatrices(1, 1)}, n = g;
  g.dW[1] = Matrix{{3.0, 4.0}};
  n.dW[1] = Matrix{{3.0, 4.5}};
  CHECK(norm_ratio(g, n) == Catch::Detail::Approx(0.5 / std::sqrt(108.25)));
}
