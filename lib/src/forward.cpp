#include "bpw/forward.hpp"

#include "bpw/network.hpp"
#include "bpw/trace.hpp"

namespace bpw {

ForwardPass forward(const Network& network, const Matrix& X, Tracer* trace) {
  const int L = network.L();
  ForwardPass pass{LayerMatrices(2, L), LayerMatrices(1, L)};
  pass.a[1] = X;
  for (int l = 1; l < L; ++l) {
    const Layer& layer = network.layer(l);
    // (1.1) z⁽ˡ⁺¹⁾: [M x n₍ₗ₊₁₎] = a⁽ˡ⁾ [M x nₗ] · W⁽ˡ⁾ [nₗ x n₍ₗ₊₁₎] + b⁽ˡ⁾ [1 x n₍ₗ₊₁₎]
    pass.z[l + 1] = matmul(pass.a[l], layer.W) + layer.b;
    // (1.2) a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾)
    pass.a[l + 1] = layer.f.f(pass.z[l + 1]);
    if (trace) {
      (*trace)(Eq::weighted_input, l, pass.z[l + 1], {pass.a[l], layer.W});
      (*trace)(Eq::activation, l, pass.a[l + 1]);
    }
  }
  return pass;
}

Matrix forward_by_sums(const Network& network, const Matrix& X) {
  Matrix a = X;
  for (int l = 1; l < network.L(); ++l) {
    const Layer& layer = network.layer(l);
    Matrix z({a.shape(0), layer.outputs()});
    for (std::size_t m = 0; m < a.shape(0); ++m)
      for (std::size_t j = 0; j < layer.outputs(); ++j) {
        double zj = layer.b(0, j);
        for (std::size_t i = 0; i < layer.inputs(); ++i) zj += a(m, i) * layer.W(i, j);
        z(m, j) = zj;
      }
    a = layer.f.f(z);
  }
  return a;
}

Output output_of(const Network& network, const Matrix& X) {
  const Layer& first = network.layer(1);
  Output out;
  out.z = matmul(X, first.W) + first.b;
  out.yhat = first.f.f(out.z);
  for (int l = 2; l < network.L(); ++l) {
    const Layer& layer = network.layer(l);
    out.z = matmul(out.yhat, layer.W) + layer.b;
    out.yhat = layer.f.f(out.z);
  }
  return out;
}

Output forward_from(const Network& network, int l, const Matrix& z_l) {
  Output out{z_l, network.layer(l - 1).f.f(z_l)};
  for (int k = l; k < network.L(); ++k) {
    const Layer& layer = network.layer(k);
    out.z = matmul(out.yhat, layer.W) + layer.b;
    out.yhat = layer.f.f(out.z);
  }
  return out;
}

}  // namespace bpw
