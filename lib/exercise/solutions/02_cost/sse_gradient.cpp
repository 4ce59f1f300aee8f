// Exercise 2-C (sse_gradient): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦sse_gradient⟧: d/dŷ ½ (y − ŷ)² = ½ · 2 (y − ŷ) · (−1). The 2 cancels the ½
// and the inner derivative −1 gives the sign, element by element.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sse_gradient(const Matrix& y, const Matrix& yhat)
{
  const Matrix dJ_dyhat = -(y - yhat);  // = ŷ − y, [M×k]
  return dJ_dyhat;
}

BPW_EXERCISE(sse_gradient)
