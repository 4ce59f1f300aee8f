// Exercise 1-C: The output of a two-layer network
//
// Return ŷ for a network with one hidden layer and the sigmoid in both layers:
// apply (1.1) and (1.2) once for the hidden layer and once for the output
// layer.
//
//   (1.2)  a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾)
//   (1.1)  z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾
//
// Shapes: X [M×n], W1 [n×h], b1 [1×h], W2 [h×k], b2 [1×k] in; ŷ [M×k] out
// Products: bpw::matmul(A, B) is the matrix product A B and bpw::transpose(A)
//           is Aᵀ; + - * / between matrices of one shape act element by element
//           (* is ⊙).
//
// Hints, one at a time:  build/bin/exercise hint network_output
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check network_output
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1,
                      const Matrix& W2, const Matrix& b2)
{
  // ---- your code below ----
  // replace with the forward pass
  Matrix yhat = xt::zeros<double>({X.shape(0), W2.shape(1)});
  (void)W1, (void)b1, (void)b2;
  return yhat;
  // ---- your code above ----
}

BPW_EXERCISE(network_output)
