// Exercise 5-A: The gradient of a weight matrix
//
// Return ∂J/∂W⁽ˡ⁾ from the activations a⁽ˡ⁾ that enter the weights and the
// delta δ⁽ˡ⁺¹⁾ of the layer they feed, summed over the samples.
//
//   (5.1)  ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾
//
// Shapes: a⁽ˡ⁾ [M×n], δ⁽ˡ⁺¹⁾ [M×k] in; ∂J/∂W⁽ˡ⁾ [n×k] out (the shape of W⁽ˡ⁾)
// Products: bpw::matmul(A, B) is the matrix product A B and bpw::transpose(A)
//           is Aᵀ; + - * / between matrices of one shape act element by element
//           (* is ⊙).
//
// Hints, one at a time:  build/bin/exercise hint weight_gradient
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check weight_gradient
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_gradient(const Matrix& a, const Matrix& delta_next)
{
  // ---- your code below ----
  // replace with a⁽ˡ⁾ᵀ δ⁽ˡ⁺¹⁾
  Matrix dJ_dW = xt::zeros<double>({a.shape(1), delta_next.shape(1)});
  return dJ_dW;
  // ---- your code above ----
}

BPW_EXERCISE(weight_gradient)
