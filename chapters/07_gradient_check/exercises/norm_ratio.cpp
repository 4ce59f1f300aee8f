// Exercise 7-B: How far apart two gradients are
//
// Return ρ, the norm of the difference of the backpropagated gradient g and the
// numerical one n, over the norm of their sum.
//
//   (7.4)  ρ = ‖g − n‖ / ‖g + n‖
//
// Shapes: g [n×k], n [n×k] in; ρ a number out
//
// Hints, one at a time:  build/bin/exercise hint norm_ratio
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check norm_ratio
#include <bpw/exercise.hpp>

using bpw::Matrix;

double norm_ratio(const Matrix& g, const Matrix& n)
{
  // ---- your code below ----
  (void)g, (void)n;
  return 1.0;  // replace with ‖g − n‖ / ‖g + n‖
  // ---- your code above ----
}

BPW_EXERCISE(norm_ratio)
