// Exercise 3-A (sigmoid_derivative): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦sigmoid_derivative⟧: the slope written with σ(z) itself. Work out s = σ(z)
// first; the form s (1 − s) needs s, not z, and it is a product element by
// element, never a matrix product.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid_derivative(const Matrix& z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));  // σ(z)
  return s * (1.0 - s);                        // between 0 and ¼
}

BPW_EXERCISE(sigmoid_derivative)
