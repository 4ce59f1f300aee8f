// Exercise 7-B (norm_ratio): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦norm_ratio⟧: one norm of the difference over one norm of the sum, each the
// square root of the sum of squares of every element.
#include <bpw/exercise.hpp>

using bpw::Matrix;

double norm_ratio(const Matrix& g, const Matrix& n)
{
  const Matrix difference = g - n;
  const Matrix sum = g + n;
  return bpw::frobenius_norm(difference) / bpw::frobenius_norm(sum);
}

BPW_EXERCISE(norm_ratio)
