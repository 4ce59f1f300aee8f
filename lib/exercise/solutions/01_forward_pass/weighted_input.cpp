// Exercise 1-B (weighted_input): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦weighted_input⟧ for every sample at once: row m of a W is sample m's inputs
// weighted by each neuron's column of W. The [1×k] bias row broadcasts: it is
// added to every one of the M rows.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weighted_input(const Matrix& a, const Matrix& W, const Matrix& b)
{
  const Matrix z = bpw::matmul(a, W) + b;  // [M×n]·[n×k] + [1×k] = [M×k]
  return z;
}

BPW_EXERCISE(weighted_input)
