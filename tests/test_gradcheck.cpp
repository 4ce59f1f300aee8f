#include <catch2/catch.hpp>

#include <cmath>
#include <string_view>
#include <tuple>

#include <bpw/backprop.hpp>
#include <bpw/cost.hpp>
#include <bpw/data.hpp>
#include <bpw/formula_check.hpp>
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

TEST_CASE("a failed check blames ε when a reference ε passes, the derivative when none does",
          "[gradcheck][unit]") {
  // ε = 0.1: truncation, ρ falls like ε² down to rounding at the references
  const std::vector<CheckAt> truncation{{1e-4, 2e-10}, {1e-5, 3e-11}, {1e-6, 4e-10}};
  const Diagnosis large = diagnose(0.1, truncation);
  CHECK(large.blame == Blame::epsilon_too_large);
  CHECK(large.good_epsilon == 1e-5);  // the smallest ratio
  // ε = 1e-12: rounding, ρ ~ 1/ε; every reference is larger than the ε given
  const Diagnosis small = diagnose(1e-12, truncation);
  CHECK(small.blame == Blame::epsilon_too_small);
  CHECK(small.good_epsilon == 1e-5);
  // a wrong f′ fails at every ε alike
  const std::vector<CheckAt> wrong{{1e-4, 0.3}, {1e-5, 0.3}, {1e-6, 0.3}};
  CHECK(diagnose(0.1, wrong).blame == Blame::derivative);
  // a doubtful ratio (a kink) is no pass, and a NaN is never one
  const std::vector<CheckAt> doubtful{{1e-4, 1e-6}, {1e-5, std::nan("")}};
  CHECK(diagnose(1e-12, doubtful).blame == Blame::derivative);
}

TEST_CASE("the real check at ε = 0.1 and ε = 1e-12 blames ε, a broken f′ the derivative",
          "[gradcheck]") {
  Network net = random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 7);
  const Dataset data = sleep_study();
  const Gradients g = backprop(net, data);
  std::vector<CheckAt> references;
  for (double e : reference_epsilons) references.push_back({e, norm_ratio(g, numerical_gradients(net, data, e))});
  for (double e : {1e-1, 1e-12}) {
    const double rho = norm_ratio(g, numerical_gradients(net, data, e));
    INFO("ε = " << e << ", ρ = " << rho);
    CHECK_FALSE(verdict_for(rho).passed);
    CHECK(diagnose(e, references).blame == (e > 1e-4 ? Blame::epsilon_too_large : Blame::epsilon_too_small));
  }
  const Network right = net;
  for (int l = 1; l < net.L(); ++l) net.layer(l).f = with_broken_derivative(net.layer(l).f);
  const Gradients broken = backprop(net, data);
  std::vector<CheckAt> broken_references;
  for (double e : reference_epsilons)
    broken_references.push_back({e, norm_ratio(broken, numerical_gradients(right, data, e))});
  CHECK(diagnose(0.1, broken_references).blame == Blame::derivative);
}

TEST_CASE("a sampled check draws distinct parameters by the seed, the same ones each time",
          "[gradcheck][unit]") {
  const Network net = random_network({{3, 4, 2}, {tanh_activation(), sigmoid()}, mse(), true}, 5);
  CHECK(parameter_count(net) == 3 * 4 + 4 + 4 * 2 + 2);
  const std::vector<Parameter> chosen = sample_parameters(net, 7, 11);
  REQUIRE(chosen.size() == 7);
  const std::vector<Parameter> again = sample_parameters(net, 7, 11);
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    CHECK(chosen[k].l == again[k].l);
    CHECK(chosen[k].bias == again[k].bias);
    CHECK(chosen[k].index == again[k].index);
    if (k > 0) CHECK(std::tie(chosen[k - 1].l, chosen[k - 1].bias, chosen[k - 1].index) <
                     std::tie(chosen[k].l, chosen[k].bias, chosen[k].index));
  }
  CHECK(sample_parameters(net, 100, 11).size() == parameter_count(net));
  // each sampled numerical derivative is the full check's element
  const Dataset data = sampled_data(4, 3, 2, 12);
  const Gradients n = numerical_gradients(net, data, 1e-5);
  for (const Parameter& p : chosen)
    CHECK(numerical_derivative(net, data, p.l, p.bias, p.index, 1e-5) ==
          Catch::Detail::Approx((p.bias ? n.db[p.l] : n.dW[p.l]).flat(p.index)));
}

TEST_CASE("a check told to stop leaves the rest of n at 0 and every n shaped", "[gradcheck]") {
  const Network net = random_network({{3, 4, 2}, {tanh_activation(), sigmoid()}, mse(), true}, 5);
  const Dataset data = sampled_data(4, 3, 2, 12);
  std::size_t calls = 0;
  const Gradients n = numerical_gradients(net, data, 1e-5, [&](std::size_t done) {
    calls = done;
    return done < 5;
  });
  CHECK(calls == 5);
  CHECK(n.dW[2].shape(0) == 4);
  CHECK(n.db[2].size() == 2);
  CHECK(n.dW[1].flat(4) != 0.0);
  CHECK(n.dW[1].flat(5) == 0.0);
  CHECK(n.dW[2].flat(0) == 0.0);
}

TEST_CASE("each formula agrees with its function's central differences, and a wrong one is named",
          "[gradcheck][formulas]") {
  unsigned seed = 500;
  for (const Activation* f : all_activations())
    for (const Cost* cost : all_costs()) {
      const Activation& hidden = f->elementwise() ? *f : tanh_activation();
      const Activation& output =
          cost->output_activation.empty() ? *f : activation_named(cost->output_activation);
      if (!cost->output_activation.empty() && f->name != cost->output_activation) continue;
      ++seed;
      const Network net = random_network({{3, 4, 3}, {hidden, output}, *cost, true}, seed);
      const Dataset data = sampled_data(5, 3, 3, seed * 3, cost->targets);
      const std::vector<FormulaCheck> checks = check_formulas(net, data);
      REQUIRE(checks.size() == 3);  // two activations and the cost
      CHECK(checks[0].equation == hidden.derivative_equation);
      CHECK(checks[1].equation == output.derivative_equation);
      CHECK(checks[2].equation == cost->gradient_equation);
      CHECK(std::string_view(checks[0].defined.file_name()).ends_with("lib/math/src/activation.cpp"));
      CHECK(std::string_view(checks[2].defined.file_name()).ends_with("lib/math/src/cost.cpp"));
      for (const FormulaCheck& c : checks) {
        INFO(hidden.name << " then " << output.name << ", " << cost->name << ": " << c.function);
        CHECK_FALSE(first_mismatch(c.formula, c.differences, 1e-5).has_value());
      }
      // σ for σ′ (or f for any f′): the activation's own check fails, the cost's does not
      if (!output.elementwise()) continue;
      Network broken = net;
      broken.layer(2).f = with_broken_derivative(output);
      const std::vector<FormulaCheck> wrong = check_formulas(broken, data);
      CHECK(first_mismatch(wrong[1].formula, wrong[1].differences, 1e-5).has_value());
      CHECK_FALSE(first_mismatch(wrong[2].formula, wrong[2].differences, 1e-5).has_value());
    }
}
