// Exercise 5-B (bias_gradient): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦bias_gradient⟧: bⱼ enters zⱼ with factor 1 in every sample, so its gradient
// adds up column j of δ over the rows (the samples), kept as a [1×k] row.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix bias_gradient(const Matrix& delta_next)
{
  return bpw::sum_rows(delta_next);  // [1×k], b's shape
}

BPW_EXERCISE(bias_gradient)
