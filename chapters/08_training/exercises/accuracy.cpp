// Exercise 8-A: The share of samples classified right
//
// Return the share of samples whose largest output ŷ is in the column of their
// target's 1.
//
//   (8.2)  accuracy = (1/M) Σₘ [argmaxₖ ŷₘₖ = argmaxₖ yₘₖ]
//
// Shapes: y [M×k] (one 1 per row), ŷ [M×k] in; accuracy a number in [0, 1] out
//
// Hints, one at a time:  build/bin/exercise hint accuracy
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check accuracy
#include <bpw/exercise.hpp>

using bpw::Matrix;

double accuracy(const Matrix& y, const Matrix& yhat)
{
  // ---- your code below ----
  (void)y, (void)yhat;
  return 0.0;  // replace with the share of rows whose argmax agrees
  // ---- your code above ----
}

BPW_EXERCISE(accuracy)
