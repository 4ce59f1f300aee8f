// Exercise 2-B (cross_entropy_cost): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦bce_sample_cost⟧ summed over samples and outputs. ln ŷ and ln(1 − ŷ) are
// negative, so the minus in front makes J positive; both terms count, the
// first for targets near 1, the second for targets near 0.
#include <bpw/exercise.hpp>

using bpw::Matrix;

double cross_entropy_cost(const Matrix& y, const Matrix& yhat)
{
  const Matrix per_output = y * xt::log(yhat) + (1.0 - y) * xt::log(1.0 - yhat);
  return -bpw::total(per_output);
}

BPW_EXERCISE(cross_entropy_cost)
