// Exercise 6-B (momentum_update): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦momentum_velocity⟧ first, then ⟦momentum_update⟧ with the new v. Both
// assign through the references, so the caller's v carries over to the next
// step; with μ = 0 this is ⟦weight_update⟧.
#include <bpw/exercise.hpp>

using bpw::Matrix;

void momentum_update(Matrix& W, Matrix& v, const Matrix& dJ_dW, double eta, double mu)
{
  v = mu * v - eta * dJ_dW;
  W = W + v;
}

BPW_EXERCISE(momentum_update)
