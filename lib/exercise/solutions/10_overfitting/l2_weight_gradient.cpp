// Exercise 10-B (l2_weight_gradient): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦l2_weight_gradient⟧: the derivative of (λ/2) w² is λ w; the ½ and the 2
// cancel.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix l2_weight_gradient(const Matrix& dJ_dW, const Matrix& W, double lambda)
{
  return dJ_dW + lambda * W;
}

BPW_EXERCISE(l2_weight_gradient)
