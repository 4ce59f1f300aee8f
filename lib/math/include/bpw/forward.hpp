// Chapter 1: the forward pass, keeping every z and a.
#pragma once

#include "bpw/layer_matrices.hpp"
#include "bpw/matrix.hpp"
#include "bpw/traced.hpp"

namespace bpw {

class Network;

struct ForwardPass {
  LayerMatrices z;  // z[2] … z[L]
  LayerMatrices a;  // a[1] = X … a[L] = ŷ
  const Matrix& yhat() const { return a[a.last()]; }
};

// Empty slots for every layer of `network`.
ForwardPass pass_for(const Network& network);

// (1.1) z⁽ˡ⁺¹⁾: [M x n₍ₗ₊₁₎] = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾;  (1.2) a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾), for
// every layer, starting from pass.a[1] = X and writing into the pass's
// buffers, which keep their memory from one call to the next.
void forward(const Network& network, ForwardPass& pass, TraceSink* trace = nullptr);

// One layer of it: z⁽ˡ⁺¹⁾ and a⁽ˡ⁺¹⁾ from pass.a[l].
void forward_layer(const Network& network, ForwardPass& pass, int l, TraceSink* trace = nullptr);

// The same from X, into a new pass.
ForwardPass forward(const Network& network, const Matrix& X, TraceSink* trace = nullptr);

// The same forward pass written with index sums, zⱼ = Σᵢ aᵢ wᵢⱼ + bⱼ, one sample
// at a time: an independent reference for checking the matrix form.
Matrix forward_by_sums(const Network& network, const Matrix& X);

// The forward pass resumed from layer l, given its weighted input z⁽ˡ⁾: the
// output layer's z⁽ᴸ⁾ and ŷ. Used to differentiate J numerically by z⁽ˡ⁾.
struct Output {
  Matrix z;     // z⁽ᴸ⁾
  Matrix yhat;  // ŷ = f(z⁽ᴸ⁾)
};
Output forward_from(const Network& network, int l, const Matrix& z_l);

// The forward pass for predictions only: z⁽ᴸ⁾ and ŷ, keeping no other layer and
// never copying X (which may be the 60 000 images of a data set).
Output output_of(const Network& network, const Matrix& X);

}  // namespace bpw
