// Exercise 1-A (sigmoid): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// σ acts on every element on its own ⟦sigmoid_function⟧, so one element-wise
// expression does the whole matrix. For z far below 0, e^(−z) becomes ∞ and
// 1 / ∞ = 0, which is σ's limit: the formula stays finite in double.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid(const Matrix& z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));  // [M×k], like z
  return s;
}

BPW_EXERCISE(sigmoid)
