// One gradient-descent step written out with loops and scalar formulas, the way
// the book derives it element by element: an implementation that shares no code
// with the library's, for holding the library's training step to it.
#pragma once

#include <cmath>
#include <string_view>
#include <vector>

#include <bpw/network.hpp>

namespace bpw::testing {

inline double f_of(std::string_view f, double z) {
  if (f == "sigmoid") return 1.0 / (1.0 + std::exp(-z));
  if (f == "tanh") return std::tanh(z);
  if (f == "relu") return z > 0 ? z : 0.0;
  return z;  // identity
}

inline double f_prime_of(std::string_view f, double z) {
  if (f == "sigmoid") return f_of(f, z) * (1.0 - f_of(f, z));
  if (f == "tanh") return 1.0 - std::tanh(z) * std::tanh(z);
  if (f == "relu") return z > 0 ? 1.0 : 0.0;
  return 1.0;
}

// ∂Jₘ/∂ŷₖ of one sample's output k, M samples in all.
inline double dJ_dyhat_of(std::string_view cost, double y, double yhat, double M) {
  if (cost == "sse") return yhat - y;
  if (cost == "mse") return 2.0 * (yhat - y) / M;
  if (cost == "cross-entropy") return (yhat - y) / (yhat * (1.0 - yhat));
  return -y / yhat;  // softmax-cross-entropy
}

using Rows = std::vector<std::vector<double>>;

// a = f(z) for one layer and one sample; softmax over the whole row.
inline std::vector<double> activate(std::string_view f, const std::vector<double>& z) {
  std::vector<double> a(z.size());
  if (f != "softmax") {
    for (std::size_t j = 0; j < z.size(); ++j) a[j] = f_of(f, z[j]);
    return a;
  }
  double top = z[0], sum = 0;
  for (double v : z) top = std::max(top, v);
  for (std::size_t j = 0; j < z.size(); ++j) sum += a[j] = std::exp(z[j] - top);
  for (double& v : a) v /= sum;
  return a;
}

// δ = ∂J/∂z from g = ∂J/∂a through the activation: g ⊙ f′(z), or for softmax
// δⱼ = Σᵢ gᵢ aᵢ ([i = j] − aⱼ).
inline std::vector<double> through(std::string_view f, const std::vector<double>& z,
                                   const std::vector<double>& a, const std::vector<double>& g) {
  std::vector<double> delta(z.size(), 0.0);
  for (std::size_t j = 0; j < z.size(); ++j) {
    if (f != "softmax") {
      delta[j] = g[j] * f_prime_of(f, z[j]);
      continue;
    }
    for (std::size_t i = 0; i < z.size(); ++i) delta[j] += g[i] * a[i] * ((i == j) - a[j]);
  }
  return delta;
}

// The network after one step W ← W − η ∂J̃/∂W on the samples X, y.
inline Network reference_step(const Network& start, const Matrix& X, const Matrix& y, double eta) {
  Network net = start;
  const int L = net.L();
  const std::size_t M = X.shape(0);
  std::vector<Rows> dW(L), db(L);
  for (int l = 1; l < L; ++l) {
    dW[l].assign(net.layer(l).inputs(), std::vector<double>(net.layer(l).outputs(), 0.0));
    db[l].assign(1, std::vector<double>(net.layer(l).outputs(), 0.0));
  }
  for (std::size_t m = 0; m < M; ++m) {
    std::vector<std::vector<double>> z(L + 1), a(L + 1), delta(L + 1);
    a[1].assign(X.begin() + static_cast<std::ptrdiff_t>(m * X.shape(1)),
                X.begin() + static_cast<std::ptrdiff_t>((m + 1) * X.shape(1)));
    for (int l = 1; l < L; ++l) {  // zⱼ = Σᵢ aᵢ wᵢⱼ + bⱼ
      const Layer& layer = net.layer(l);
      z[l + 1].assign(layer.outputs(), 0.0);
      for (std::size_t j = 0; j < layer.outputs(); ++j) {
        z[l + 1][j] = layer.b(0, j);
        for (std::size_t i = 0; i < layer.inputs(); ++i) z[l + 1][j] += a[l][i] * layer.W(i, j);
      }
      a[l + 1] = activate(layer.f.name, z[l + 1]);
    }
    std::vector<double> g(a[L].size());
    for (std::size_t k = 0; k < g.size(); ++k)
      g[k] = dJ_dyhat_of(net.cost().name, y(m, k), a[L][k], static_cast<double>(M));
    delta[L] = through(net.activation(L).name, z[L], a[L], g);
    for (int l = L - 1; l >= 2; --l) {  // ∂J/∂aᵢ = Σⱼ δⱼ wᵢⱼ
      std::vector<double> back(a[l].size(), 0.0);
      for (std::size_t i = 0; i < back.size(); ++i)
        for (std::size_t j = 0; j < delta[l + 1].size(); ++j) back[i] += delta[l + 1][j] * net.layer(l).W(i, j);
      delta[l] = through(net.activation(l).name, z[l], a[l], back);
    }
    for (int l = 1; l < L; ++l)  // ∂J/∂wᵢⱼ = Σₘ aᵢ δⱼ, ∂J/∂bⱼ = Σₘ δⱼ
      for (std::size_t j = 0; j < delta[l + 1].size(); ++j) {
        db[l][0][j] += delta[l + 1][j];
        for (std::size_t i = 0; i < a[l].size(); ++i) dW[l][i][j] += a[l][i] * delta[l + 1][j];
      }
  }
  const L2 l2 = net.l2();
  const double s = l2.averaged ? 1.0 / static_cast<double>(M) : 1.0;
  for (int l = 1; l < L; ++l) {
    Layer& layer = net.layer(l);
    for (std::size_t i = 0; i < layer.inputs(); ++i)
      for (std::size_t j = 0; j < layer.outputs(); ++j)
        layer.W(i, j) -= eta * (s * dW[l][i][j] + l2.lambda * layer.W(i, j));
    if (layer.has_bias)
      for (std::size_t j = 0; j < layer.outputs(); ++j) layer.b(0, j) -= eta * s * db[l][0][j];
  }
  return net;
}

}  // namespace bpw::testing
