// Exercise 8-B (softmax): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦softmax_function⟧, one row (sample) at a time. Subtracting the row's largest
// z changes no ratio and keeps every exponent at most 0, so e^z cannot
// overflow. Each reduction is kept in a Matrix before it is used: with
// Debian's xtensor 0.24 a reduction left lazy inside a larger expression gives
// wrong numbers.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix softmax(const Matrix& z)
{
  const Matrix top = xt::amax(z, {1}, xt::keep_dims);  // [M×1], each row's largest z
  const Matrix e = xt::exp(z - top);                   // every exponent ≤ 0
  const Matrix total = xt::sum(e, {1}, xt::keep_dims);  // [M×1], each row's sum
  return e / total;
}

BPW_EXERCISE(softmax)
