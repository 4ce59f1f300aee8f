// Exercise 3-A: σ′, the slope of the sigmoid
//
// Return σ′(z) for every element of z, written with σ(z) itself.
//
//   (3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))
//
// Shapes: z [M×k] in; f′(z) [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint sigmoid_derivative
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check sigmoid_derivative
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid_derivative(const Matrix& z)
{
  // ---- your code below ----
  Matrix f_prime = xt::zeros_like(z);  // replace with σ(z) ⊙ (1 − σ(z))
  return f_prime;
  // ---- your code above ----
}

BPW_EXERCISE(sigmoid_derivative)
