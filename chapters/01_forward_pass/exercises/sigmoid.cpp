// Exercise 1-A: The sigmoid
//
// Return σ(z) of (1.3) for every element of z.
//
//   (1.3)  σ(z⁽ˡ⁾) = 1 / (1 + e^(−z⁽ˡ⁾))
//
// Shapes: z [M×k] in; σ(z) [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint sigmoid
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
