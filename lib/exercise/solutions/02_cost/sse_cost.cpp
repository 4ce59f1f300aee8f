// Exercise 2-A (sse_cost): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦sse_sample_cost⟧ for each sample, summed over the samples ⟦total_cost⟧: one
// number. The ½ is there so that the derivative's 2 cancels; there is no 1/M
// (that would be the mean).
#include <bpw/exercise.hpp>

using bpw::Matrix;

double sse_cost(const Matrix& y, const Matrix& yhat)
{
  const Matrix e = y - yhat;  // ⟦output_error⟧, [M×k]
  return 0.5 * bpw::total(e * e);
}

BPW_EXERCISE(sse_cost)
