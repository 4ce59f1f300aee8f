// Exercise 1.1: The sigmoid
//
// Return σ(z) = 1 / (1 + e^(−z)) for every element of z.
//
//   (1.2)  a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾)
//
// Shapes: z [N×k] in; σ(z) [N×k] out
// Hint: xt::exp(-z) is e^(−z) for every element at once, and 1.0 / (...)
//       divides element by element.
//
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check sigmoid
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid(const Matrix& z)
{
  // ---- your code below ----
  Matrix a = xt::zeros_like(z);  // replace with σ(z)
  return a;
  // ---- your code above ----
}

BPW_EXERCISE(sigmoid)
