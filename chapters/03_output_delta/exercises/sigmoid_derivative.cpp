// Exercise 3.1: σ′, the slope of the sigmoid
//
// Return σ′(z) for every element of z, written with σ(z) itself.
//
//   (3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))
//
// Shapes: z [N×k] in; f′(z) [N×k] out
// Hint: Compute s = σ(z) once as a Matrix; then the slope is s times (1 − s),
//       element by element.
//
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
