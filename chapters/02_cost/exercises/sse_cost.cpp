// Exercise 2.1: The sum of squared errors
//
// Return J = ½ Σ (y − ŷ)², summed over every sample and every output.
//
//   (2.3)  Jₘ = ½ Σₖ (yₘₖ − ŷₘₖ)²
//
// Shapes: y [N×k], ŷ [N×k] in; J a number out
// Hint: Make the error e = y − ŷ a Matrix first; bpw::total(m) sums every
//       element of m, and e * e squares element by element.
//
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check sse_cost
#include <bpw/exercise.hpp>

using bpw::Matrix;

double sse_cost(const Matrix& y, const Matrix& yhat)
{
  // ---- your code below ----
  (void)y, (void)yhat;
  return 0.0;  // replace with ½ Σ (y − ŷ)²
  // ---- your code above ----
}

BPW_EXERCISE(sse_cost)
