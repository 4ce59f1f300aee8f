// Exercise 4-A: δ⁽ˡ⁾ of a hidden layer
//
// Return δ⁽ˡ⁾ from the next layer's delta δ⁽ˡ⁺¹⁾, the weights W⁽ˡ⁾ between the
// two layers, and f′(z⁽ˡ⁾) of this layer.
//
//   (4.2)  δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ) ⊙ f′(z⁽ˡ⁾)
//
// Shapes: δ⁽ˡ⁺¹⁾ [M×k], W⁽ˡ⁾ [n×k], f′(z⁽ˡ⁾) [M×n] in; δ⁽ˡ⁾ [M×n] out
// Products: bpw::matmul(A, B) is the matrix product A B and bpw::transpose(A)
//           is Aᵀ; + - * / between matrices of one shape act element by element
//           (* is ⊙).
//
// Hints, one at a time:  build/bin/exercise hint hidden_delta
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
