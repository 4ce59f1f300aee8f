// Exercise 4-B: tanh′, the slope of a hidden layer's tanh
//
// Return tanh′(z) for every element of z, written with tanh(z) itself.
//
//   (3.5)  f′(z⁽ˡ⁾) = 1 − tanh²(z⁽ˡ⁾)
//
// Shapes: z [M×k] in; f′(z) [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint tanh_derivative
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check tanh_derivative
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix tanh_derivative(const Matrix& z)
{
  // ---- your code below ----
  Matrix f_prime = xt::zeros_like(z);  // replace with 1 − tanh²(z)
  return f_prime;
  // ---- your code above ----
}

BPW_EXERCISE(tanh_derivative)
