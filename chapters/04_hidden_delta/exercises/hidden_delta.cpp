// Exercise 4.1: δ⁽ˡ⁾ of a hidden layer
//
// Return δ⁽ˡ⁾ from the next layer's delta δ⁽ˡ⁺¹⁾, the weights W⁽ˡ⁾ between the
// two layers, and f′(z⁽ˡ⁾) of this layer.
//
//   (4.2)  δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ) ⊙ f′(z⁽ˡ⁾)
//
// Shapes: δ⁽ˡ⁺¹⁾ [N×k], W⁽ˡ⁾ [n×k], f′(z⁽ˡ⁾) [N×n] in; δ⁽ˡ⁾ [N×n] out
// Hint: The error flows back along the weights it came through: δ⁽ˡ⁺¹⁾ [N×k]
//       times W⁽ˡ⁾ᵀ [k×n] is [N×n]; bpw::transpose(W) makes Wᵀ.
//
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check hidden_delta
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)
{
  // ---- your code below ----
  Matrix delta = xt::zeros_like(f_prime);  // replace with (δ⁽ˡ⁺¹⁾ Wᵀ) ⊙ f′(z⁽ˡ⁾)
  (void)delta_next, (void)W;
  return delta;
  // ---- your code above ----
}

BPW_EXERCISE(hidden_delta)
