// Exercise 3-C (cross_entropy_delta): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦bce_gradient⟧ times ⟦sigmoid_derivative⟧: ŷ (1 − ŷ) cancels the denominator
// and leaves ⟦simplified_delta⟧. The softmax cross-entropy through the softmax
// ⟦softmax_delta⟧ cancels to the same ŷ − y for one-hot targets.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix cross_entropy_delta(const Matrix& y, const Matrix& yhat)
{
  return yhat - y;  // [M×k]
}

BPW_EXERCISE(cross_entropy_delta)
