// Exercise 10-B: The gradient with the penalty
//
// Return the gradient of the regularised cost J̃ from the gradient of J, the
// weights and λ.
//
//   (5.3)  ∂J̃/∂W⁽ˡ⁾ = ∂J/∂W⁽ˡ⁾ + λW⁽ˡ⁾
//
// Shapes: ∂J/∂W [n×k], W [n×k], λ a number in; ∂J̃/∂W [n×k] out
//
// Hints, one at a time:  build/bin/exercise hint l2_weight_gradient
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check l2_weight_gradient
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix l2_weight_gradient(const Matrix& dJ_dW, const Matrix& W, double lambda)
{
  // ---- your code below ----
  Matrix gradient = dJ_dW;  // replace with ∂J/∂W plus the penalty's gradient
  (void)W, (void)lambda;
  return gradient;
  // ---- your code above ----
}

BPW_EXERCISE(l2_weight_gradient)
