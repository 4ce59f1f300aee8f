// Exercise 3-B (output_delta): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦output_delta⟧ with ⟦sse_gradient⟧ and ⟦sigmoid_derivative⟧: ∂J/∂ŷ times the
// output activation's slope at z⁽ᴸ⁾. Since ŷ = σ(z⁽ᴸ⁾), that slope is
// ŷ (1 − ŷ); working σ(z) out again from z gives the same numbers.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix output_delta(const Matrix& y, const Matrix& yhat, const Matrix& z)
{
  const Matrix dJ_dyhat = -(y - yhat);
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));  // σ(z⁽ᴸ⁾), which is ŷ
  return dJ_dyhat * s * (1.0 - s);
}

BPW_EXERCISE(output_delta)
