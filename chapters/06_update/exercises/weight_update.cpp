// Exercise 6-A: One step of gradient descent
//
// Return the weights after one step of gradient descent with learning rate η.
//
//   (6.2)  W⁽ˡ⁾ ← W⁽ˡ⁾ + ΔW⁽ˡ⁾
//
// Shapes: W [n×k], ∂J/∂W [n×k], η a number in; W after the step [n×k] out
//
// Hints, one at a time:  build/bin/exercise hint weight_update
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check weight_update
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)
{
  // ---- your code below ----
  Matrix W_next = W;  // replace with the weights after the step
  (void)dJ_dW, (void)eta;
  return W_next;
  // ---- your code above ----
}

BPW_EXERCISE(weight_update)
