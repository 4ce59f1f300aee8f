// Exercise 6-A (weight_update): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦weight_update⟧: the step ⟦weight_step⟧ goes against the gradient, η times
// as far.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)
{
  return W - eta * dJ_dW;
}

BPW_EXERCISE(weight_update)
