#include "bpw/forward.hpp"

#include <xtensor/xnoalias.hpp>

#include "bpw/network.hpp"

namespace bpw {
namespace {

// z = a W + b into z, the bias row added to every sample's row.
Matrix& affine(const Matrix& a, const Layer& layer, Matrix& z) {
  matmul_into(a, layer.W, z);
  if (layer.has_bias) add_row(z, layer.b);
  return z;
}

}  // namespace

ForwardPass pass_for(const Network& network) {
  return {LayerMatrices(2, network.L()), LayerMatrices(1, network.L())};
}

void forward_layer(const Network& network, ForwardPass& pass, int l, TraceSink* trace) {
  //! [forward layer]
  const Layer& layer = network.layer(l);
  Matrix& z = pass.z[l + 1];
  traced(trace, Eq::weighted_input, l, affine(pass.a[l], layer, z), {pass.a[l], layer.W, layer.b});
  traced(trace, Eq::activation, l, layer.f.forward(z, pass.a[l + 1]), {z});
  //! [forward layer]
}

void forward(const Network& network, ForwardPass& pass, TraceSink* trace) {
  for (int l = 1; l < network.L(); ++l) forward_layer(network, pass, l, trace);
}

ForwardPass forward(const Network& network, const Matrix& X, TraceSink* trace) {
  ForwardPass pass = pass_for(network);
  pass.a[1] = X;
  forward(network, pass, trace);
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

namespace {

// The layers from weight layer `first` on, from their input a.
Output onwards(const Network& network, int first, Matrix a) {
  Output out;
  for (int l = first; l < network.L(); ++l) {
    network.layer(l).f.forward(affine(a, network.layer(l), out.z), out.yhat);
    if (l + 1 < network.L()) std::swap(a, out.yhat);
  }
  return out;
}

}  // namespace

Output output_of(const Network& network, const Matrix& X) {
  Output out;
  network.layer(1).f.forward(affine(X, network.layer(1), out.z), out.yhat);
  return network.L() == 2 ? out : onwards(network, 2, std::move(out.yhat));
}

Output forward_from(const Network& network, int l, const Matrix& z_l) {
  if (l == network.L()) return {z_l, network.activation(l).f(z_l)};
  return onwards(network, l, network.activation(l).f(z_l));
}

}  // namespace bpw
