// Exercise 4-B (tanh_derivative): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦tanh_derivative⟧: tanh′ = 1 − tanh², written with t = tanh(z), never z.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix tanh_derivative(const Matrix& z)
{
  const Matrix t = xt::tanh(z);
  return 1.0 - t * t;  // between 0 and 1
}

BPW_EXERCISE(tanh_derivative)
