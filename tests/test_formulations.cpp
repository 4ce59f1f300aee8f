#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
#include <bpw/data.hpp>
#include <bpw/fit.hpp>
#include <bpw/errors.hpp>
#include <bpw/files.hpp>
#include <bpw/forward.hpp>
#include <bpw/gradcheck.hpp>
#include <bpw/presets.hpp>

using namespace bpw;
using Approx = Catch::Detail::Approx;

namespace {

// Backpropagation written independently with samples as columns, the way the
// column tutorials write it: Z = W A + b, δ⁽ᴸ⁾ = ∂J/∂A ⊙ f′(Z), δ⁽ˡ⁾ = (Wᵀ δ) ⊙ f′(Z),
// ∂J/∂W = δ Aᵀ, ∂J/∂b = Σ over the columns. W here is [outputs x inputs].
struct ColumnGradients {
  std::vector<Matrix> dW, db;  // index l − 1
};

ColumnGradients column_backprop(const std::vector<Matrix>& W, const std::vector<Matrix>& b,
                                const Network& net, const Matrix& X, const Matrix& y) {
  const std::size_t layers = W.size();
  std::vector<Matrix> A{X}, Z;
  for (std::size_t i = 0; i < layers; ++i) {
    Z.push_back(matmul(W[i], A[i]) + b[i]);
    A.push_back(net.layer(static_cast<int>(i) + 1).f.f(Z.back()));
  }
  // ∂J/∂A for MSE with samples as columns: 2(A − y)/M, M the number of columns
  const double M = static_cast<double>(X.shape(1));
  const Matrix& f_out = A.back();
  Matrix delta = 2.0 * (f_out - y) / M * net.layer(static_cast<int>(layers)).f.f_prime(Z.back());
  ColumnGradients g{std::vector<Matrix>(layers), std::vector<Matrix>(layers)};
  for (std::size_t i = layers; i-- > 0;) {
    g.dW[i] = matmul(delta, transpose(A[i]));
    g.db[i] = xt::sum(delta, {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
    if (i > 0)
      delta = matmul(transpose(W[i]), delta) * net.layer(static_cast<int>(i)).f.f_prime(Z[i - 1]);
  }
  return g;
}

}  // namespace

TEST_CASE("samples as rows and as columns give the same numbers up to transposition",
          "[formulations][layout]") {
  const Network net = preset_named("columns").network(7);
  const Dataset rows = preset_named("columns").data(7);
  std::vector<Matrix> W, b;
  for (int l = 1; l < net.L(); ++l) {
    W.push_back(transpose(net.layer(l).W));
    b.push_back(transpose(net.layer(l).b));
  }
  const ColumnGradients col = column_backprop(W, b, net, transpose(rows.X), transpose(rows.y));
  const Gradients row = backprop(net, rows);
  for (int l = 1; l < net.L(); ++l) {
    CHECK(max_abs_difference(transpose(row.dW[l]), col.dW[l - 1]) < 1e-15);
    CHECK(max_abs_difference(transpose(row.db[l]), col.db[l - 1]) < 1e-15);
  }
}

TEST_CASE("a network written with samples as columns reads and writes back", "[formulations][files]") {
  const NetworkFile file = parse_network(R"({"cost": "mse", "layout": "columns", "layers": [
      {"W": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "b": [1, 2, 3], "activation": "sigmoid"},
      {"W": [[0.7, 0.8, 0.9]], "activation": "sigmoid"}]})", "net");
  const Network& net = file.network;
  CHECK(file.layout == Layout::columns);
  CHECK(net.sizes() == std::vector<std::size_t>{2, 3, 1});
  // W⁽¹⁾ written [outputs x inputs] is held [inputs x outputs]
  CHECK(net.layer(1).W(1, 0) == 0.2);
  CHECK((parse_network(network_to_json(net, Layout::columns), "saved").network.layer(1).W ==
         net.layer(1).W));
  const Dataset d = parse_data(R"({"X": [[1, 2, 3], [4, 5, 6]], "y": [[0, 1, 0]]})", "d", Layout::columns);
  CHECK((d.X == Matrix{{1, 4}, {2, 5}, {3, 6}}));
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layout": "columns", "layers": [
      {"W": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], "activation": "sigmoid"},
      {"W": [[0.7], [0.8], [0.9]], "activation": "sigmoid"}]})", "n"),
      Catch::Contains("do not chain with samples as columns: W⁽¹⁾ is 2×3 (outputs × inputs) but "
                      "W⁽²⁾ is 3×1; it needs 2 columns. If the file lists W as inputs × outputs, "
                      "say \"layout\": \"rows\""));
}

TEST_CASE("every preset passes the gradient check with a norm ratio below 1e-8",
          "[formulations][gradcheck]") {
  for (const Preset& preset : all_presets()) {
    INFO("preset " << preset.name);
    const Network net = preset.network(7);
    const Dataset data = fit_data(net, preset.data(7));
    CHECK(norm_ratio(backprop(net, data), numerical_gradients(net, data, 1e-5)) < 1e-8);
  }
}

TEST_CASE("the linear-errors preset shares 0.08 in proportion to 0.6, 0.4, 0.1, 0.2",
          "[formulations][unit]") {
  const Network net = preset_named("linear-errors").network(0);
  const Dataset data = preset_named("linear-errors").data(0);
  const ForwardPass pass = forward(net, data.X);
  // ŷ = 1·0.6 + 0.6·0.4 + 0.4·0.1 + 0.2·0.2 = 0.92, so e = 1 − 0.92 = 0.08
  const double e = data.y(0, 0) - pass.yhat()(0, 0);
  CHECK(e == Approx(0.08));
  // the first hidden node's share: 0.08 · 0.6 / 1.3 ≈ 0.0369
  CHECK(e * 0.6 / 1.3 == Approx(0.036923).margin(1e-6));
  // without the denominator: e Wᵀ = [0.048, 0.032, 0.008, 0.016] = −δ⁽²⁾
  const LayerMatrices delta = deltas(net, pass, data.y).delta;
  const Matrix expected = {{0.048, 0.032, 0.008, 0.016}};
  CHECK(max_abs_difference(Matrix(-delta[2]), expected) < 1e-15);
}

TEST_CASE("the two-moons generator is seeded, balanced and one-hot", "[formulations][data]") {
  const Dataset a = two_moons(200, 0.2, 5), b = two_moons(200, 0.2, 5);
  CHECK((a.X == b.X));
  CHECK((a.X != two_moons(200, 0.2, 6).X));
  CHECK(a.y.shape(0) == 200);
  CHECK(total(sum_rows(a.y)) == 200.0);
  CHECK(sum_rows(a.y)(0, 0) == 100.0);
  // Without noise every point lies on its half circle of radius 1
  const Dataset clean = two_moons(10, 0.0, 1);
  for (std::size_t m = 0; m < 5; ++m)
    CHECK(clean.X(m, 0) * clean.X(m, 0) + clean.X(m, 1) * clean.X(m, 1) == Approx(1.0));
}

TEST_CASE("targets must suit the cost, and class indices become one-hot rows",
          "[formulations][bad-input]") {
  const Network moons = preset_named("moons").network(1);
  const Dataset indexed = fit_data(moons, {Matrix{{0.0, 1.0}, {1.0, 0.0}}, Matrix{{1.0}, {0.0}}});
  CHECK((indexed.y == Matrix{{0.0, 1.0}, {1.0, 0.0}}));
  CHECK_THROWS_WITH(fit_data(moons, {Matrix{{0.0, 1.0}}, Matrix{{0.2, 0.8}}}),
                    "softmax-cross-entropy targets must be one-hot rows (a single 1, the rest 0) "
                    "or class indices; row 1 of y is [0.2, 0.8]");
  CHECK_THROWS_WITH(fit_data(moons, {Matrix{{0.0, 1.0}}, Matrix{{2.0}}}),
                    Catch::Contains("whole numbers from 0 to 1; row 1 of y is [2]"));
  const Network logistic = preset_named("logistic").network(1);
  CHECK_THROWS_WITH(fit_data(logistic, {Matrix{{0.0, 1.0}}, Matrix{{1.5}}}),
                    "cross-entropy targets must lie in [0, 1], as probabilities do; y[1][1] is 1.5");
}

TEST_CASE("costs and activations that do not fit together are refused", "[formulations][bad-input]") {
  CHECK_THROWS_WITH(random_network({{2, 2}, {tanh_activation()}, cross_entropy(), false}, 1),
                    "the cost cross-entropy is written for sigmoid outputs, but the output layer "
                    "uses tanh; use sigmoid there, or the cost sse");
  CHECK_THROWS_WITH(random_network({{2, 3, 2}, {softmax(), softmax()}, sse(), false}, 1),
                    Catch::StartsWith("layer 1 uses softmax, which belongs to the output layer only"));
  Network net = preset_named("sleep-study").network(1);
  CHECK_THROWS_WITH(net.set_l2({-0.5, false}), Catch::StartsWith("λ must be zero or a positive number"));
}
