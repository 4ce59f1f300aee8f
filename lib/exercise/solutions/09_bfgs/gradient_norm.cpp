// Exercise 9-A (gradient_norm): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦gradient_norm⟧ of every gradient as one long vector: the squares of all the
// parts add, their norms do not; one square root at the end.
#include <bpw/exercise.hpp>

using bpw::Matrix;

double gradient_norm(const std::vector<Matrix>& gradients)
{
  double squares = 0.0;
  for (const Matrix& g : gradients) squares += bpw::total(g * g);
  return std::sqrt(squares);
}

BPW_EXERCISE(gradient_norm)
