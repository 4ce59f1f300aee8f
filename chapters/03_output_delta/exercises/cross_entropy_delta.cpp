// Exercise 3-C: δ⁽ᴸ⁾ when the cost matches the output activation
//
// Return δ⁽ᴸ⁾ for the cross-entropy with a sigmoid output, which is also δ⁽ᴸ⁾
// for the softmax cross-entropy with a softmax output.
//
//   (3.11)  δ⁽ᴸ⁾ = ŷ − y
//
// Shapes: y [M×k], ŷ [M×k] in; δ⁽ᴸ⁾ [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint cross_entropy_delta
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check cross_entropy_delta
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix cross_entropy_delta(const Matrix& y, const Matrix& yhat)
{
  // ---- your code below ----
  Matrix delta = xt::zeros_like(yhat);  // replace with the simplified δ⁽ᴸ⁾
  (void)y;
  return delta;
  // ---- your code above ----
}

BPW_EXERCISE(cross_entropy_delta)
