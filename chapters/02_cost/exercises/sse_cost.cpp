// Exercise 2-A: The sum of squared errors
//
// Return J = ½ Σ (y − ŷ)², summed over every sample and every output: (2.3) for
// each sample, added up as in (2.2).
//
//   (2.3)  Jₘ = ½ Σₖ eₘₖ²
//   (2.2)  J = Σₘ Jₘ
//
// Shapes: y [M×k], ŷ [M×k] in; J a number out
//
// Hints, one at a time:  build/bin/exercise hint sse_cost
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
