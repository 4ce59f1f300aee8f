// Exercise 8.1: The share of samples classified right
//
// Return the share of samples whose largest output ŷ is in the column of their
// target's 1.
//
//   (8.2)  accuracy = (1/M) Σₘ [argmaxₖ ŷₘₖ = argmaxₖ yₘₖ]
//
// Shapes: y [N×k] (one 1 per row), ŷ [N×k] in; accuracy a number in [0, 1] out
// Hint: For each row m, find the column of the largest ŷ(m, k) and the column
//       of the 1 in y; count the rows where they agree and divide by N (as a
//       double).
//
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
