// Exercise 2-C: How the squared error changes with ŷ
//
// Return ∂J/∂ŷ for J = ½ Σ (y − ŷ)²: the derivative of each sample's cost with
// respect to each of its outputs.
//
//   (3.2)  ∂J/∂ŷ = −(y − ŷ)
//
// Shapes: y [M×k], ŷ [M×k] in; ∂J/∂ŷ [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint sse_gradient
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check sse_gradient
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sse_gradient(const Matrix& y, const Matrix& yhat)
{
  // ---- your code below ----
  Matrix dJ_dyhat = xt::zeros_like(yhat);  // replace with ∂J/∂ŷ
  (void)y;
  return dJ_dyhat;
  // ---- your code above ----
}

BPW_EXERCISE(sse_gradient)
