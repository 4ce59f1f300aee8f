// Exercise 1-B: The weighted input of a layer
//
// Return z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾: every sample's inputs weighted by each
// neuron's column of W, plus that neuron's bias.
//
//   (1.1)  z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾
//
// Shapes: a [M×n], W [n×k], b [1×k] in; z [M×k] out
// Products: bpw::matmul(A, B) is the matrix product A B and bpw::transpose(A)
//           is Aᵀ; + - * / between matrices of one shape act element by element
//           (* is ⊙).
//
// Hints, one at a time:  build/bin/exercise hint weighted_input
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check weighted_input
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weighted_input(const Matrix& a, const Matrix& W, const Matrix& b)
{
  // ---- your code below ----
  // replace with a W + b
  Matrix z = xt::zeros<double>({a.shape(0), W.shape(1)});
  (void)b;
  return z;
  // ---- your code above ----
}

BPW_EXERCISE(weighted_input)
