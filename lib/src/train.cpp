#include "bpw/train.hpp"

#include <algorithm>
#include <cstring>
#include <random>

#include <xtensor-blas/xblas.hpp>
#include <xtensor/xnoalias.hpp>

#include "bpw/backprop.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {

// Per-layer buffers, index l as in the book: a[1] is the batch of X.
struct Trainer::Buffers {
  std::vector<Matrix> z, a, delta;
  Matrix y;
};

namespace {

// Copies the chosen rows into a buffer of exactly that many rows.
void gather(const Matrix& from, std::span<const std::size_t> rows, Matrix& to) {
  const std::size_t cols = from.shape(1);
  if (to.shape(0) != rows.size() || to.shape(1) != cols) to.resize({rows.size(), cols});
  for (std::size_t i = 0; i < rows.size(); ++i)
    std::memcpy(to.data() + i * cols, from.data() + rows[i] * cols, cols * sizeof(double));
}

void fit(Matrix& m, std::size_t rows, std::size_t cols) {
  if (m.shape(0) != rows || m.shape(1) != cols) m.resize({rows, cols});
}

}  // namespace

Trainer::Trainer(Network& network)
    : network_(&network), buffers_(std::make_unique<Buffers>()) {
  const auto L = static_cast<std::size_t>(network.L());
  buffers_->z.resize(L + 1);
  buffers_->a.resize(L + 1);
  buffers_->delta.resize(L + 1);
}

Trainer::~Trainer() = default;
Trainer::Trainer(Trainer&&) noexcept = default;

void Trainer::step(const Dataset& data, std::span<const std::size_t> rows, double eta) {
  Network& net = *network_;
  Buffers& s = *buffers_;
  const int L = net.L();
  const std::size_t B = rows.size();
  gather(data.X, rows, s.a[1]);
  gather(data.y, rows, s.y);

  // (1.1), (1.2) forward
  for (int l = 1; l < L; ++l) {
    const Layer& layer = net.layer(l);
    fit(s.z[l + 1], B, layer.outputs());
    fit(s.a[l + 1], B, layer.outputs());
    xt::blas::gemm(s.a[l], layer.W, s.z[l + 1]);
    xt::noalias(s.z[l + 1]) += layer.b;
    layer.f.f_into(s.z[l + 1], s.a[l + 1]);
  }

  // (3.1) or (3.11) the output delta, then (4.1), (4.2) back to layer 2, all
  // before any weight changes
  const Cost& cost = net.cost();
  const Activation& out = net.layer(L - 1).f;
  fit(s.delta[L], B, s.a[L].shape(1));
  if (!cost.output_activation.empty() && out.name == cost.output_activation) {
    xt::noalias(s.delta[L]) = s.a[L] - s.y;
  } else {
    xt::noalias(s.delta[L]) = cost.dJ_dyhat(s.y, s.a[L]);
    out.chain_into(s.z[L], s.a[L], s.delta[L]);
  }
  for (int l = L - 1; l >= 2; --l) {
    fit(s.delta[l], B, net.layer(l).inputs());
    xt::blas::gemm(s.delta[l + 1], net.layer(l).W, s.delta[l], false, true);  // ∂J/∂a⁽ˡ⁾
    net.layer(l - 1).f.chain_into(s.z[l], s.a[l], s.delta[l]);               // δ⁽ˡ⁾
  }

  // (5.1)–(5.5), (6.2), (6.4): W ← (1 − ηλ) W − η·scale·(a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾ in one GEMM
  const L2& l2 = net.l2();
  const double step = eta * (l2.averaged ? 1.0 / static_cast<double>(B) : 1.0);
  for (int l = 1; l < L; ++l) {
    Layer& layer = net.layer(l);
    if (l2.lambda != 0.0) layer.W *= 1.0 - eta * l2.lambda;
    xt::blas::gemm(s.a[l], s.delta[l + 1], layer.W, true, false, -step, 1.0);
    if (!layer.has_bias) continue;
    const Matrix& delta = s.delta[l + 1];
    for (std::size_t j = 0; j < delta.shape(1); ++j) {
      double column = 0;  // Σₘ δₘⱼ
      for (std::size_t m = 0; m < B; ++m) column += delta(m, j);
      layer.b(0, j) -= step * column;
    }
  }
}

std::vector<std::size_t> shuffled(std::size_t samples, std::uint64_t seed) {
  std::vector<std::size_t> order(samples);
  for (std::size_t i = 0; i < samples; ++i) order[i] = i;
  // Fisher–Yates with the engine's raw output: std::shuffle's use of the
  // engine differs between standard libraries, this does not.
  std::mt19937_64 engine(seed);
  for (std::size_t i = samples; i > 1; --i) std::swap(order[i - 1], order[engine() % i]);
  return order;
}

namespace {

double accuracy_of(const Matrix& a, const Dataset& data) {
  std::size_t right = 0;
  const std::size_t M = a.shape(0);
  for (std::size_t m = 0; m < M; ++m) {
    if (a.shape(1) == 1) {
      right += (a(m, 0) >= 0.5) == (data.y(m, 0) >= 0.5);
    } else {
      const std::size_t k = a.shape(1);
      const double* out = &a(m, 0);
      const double* target = &data.y(m, 0);
      right += std::max_element(out, out + k) - out == std::max_element(target, target + k) - target;
    }
  }
  return M == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(M);
}

}  // namespace

bool has_classes(const Dataset& data) {
  const Matrix& y = data.y;
  for (std::size_t m = 0; m < y.shape(0); ++m) {
    double ones = 0;
    for (std::size_t k = 0; k < y.shape(1); ++k) {
      if (y(m, k) != 0.0 && y(m, k) != 1.0) return false;
      ones += y(m, k);
    }
    if (y.shape(1) > 1 && ones != 1.0) return false;
  }
  return y.size() > 0;
}

Evaluation evaluate(const Network& network, const Dataset& data) {
  const int L = network.L();
  Output out = output_of(network, data.X);
  // cost() reads only z⁽ᴸ⁾ and ŷ of a forward pass
  ForwardPass last{LayerMatrices(L, L), LayerMatrices(L, L)};
  last.z[L] = std::move(out.z);
  last.a[L] = std::move(out.yhat);
  Evaluation e{cost(network, last, data.y), std::nullopt};
  if (has_classes(data)) e.accuracy = accuracy_of(last.yhat(), data);
  return e;
}

std::uint64_t epoch_seed(std::uint64_t seed, std::size_t epoch) {
  // splitmix64 of the pair: neighbouring inputs give unrelated outputs
  std::uint64_t x = seed * 0x9E3779B97F4A7C15ULL + epoch + 1;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

double accuracy(const Network& network, const Dataset& data) {
  return accuracy_of(output_of(network, data.X).yhat, data);
}

Dataset rows_of(const Dataset& data, std::span<const std::size_t> rows) {
  Dataset out;
  gather(data.X, rows, out.X);
  gather(data.y, rows, out.y);
  return out;
}

Split split(const Dataset& data, double test_fraction, std::uint64_t seed) {
  const std::vector<std::size_t> order = shuffled(data.X.shape(0), seed);
  const auto test = static_cast<std::size_t>(static_cast<double>(order.size()) * test_fraction);
  const std::span<const std::size_t> all(order);
  return {rows_of(data, all.first(order.size() - test)), rows_of(data, all.last(test))};
}

}  // namespace bpw
