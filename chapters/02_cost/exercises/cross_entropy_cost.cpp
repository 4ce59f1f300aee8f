// Exercise 2-B: The cross-entropy of sigmoid outputs
//
// Return J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)], summed over every sample and
// every output.
//
//   (2.5)  Jₘ = −Σₖ [yₘₖ ln ŷₘₖ + (1 − yₘₖ) ln(1 − ŷₘₖ)]
//   (2.2)  J = Σₘ Jₘ
//
// Shapes: y [M×k] (targets in [0, 1]), ŷ [M×k] (in (0, 1)) in; J a number out
//
// Hints, one at a time:  build/bin/exercise hint cross_entropy_cost
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check cross_entropy_cost
#include <bpw/exercise.hpp>

using bpw::Matrix;

double cross_entropy_cost(const Matrix& y, const Matrix& yhat)
{
  // ---- your code below ----
  (void)y, (void)yhat;
  return 0.0;  // replace with −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)]
  // ---- your code above ----
}

BPW_EXERCISE(cross_entropy_cost)
