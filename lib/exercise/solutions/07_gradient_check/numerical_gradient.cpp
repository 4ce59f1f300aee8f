// Exercise 7-A (numerical_gradient): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦numerical_weight_gradient⟧ for every element on its own: nudge it up and
// down by ε, keep every other element as it is, and put it back before the
// next one, or the next difference is taken at another W.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix numerical_gradient(const bpw::exercise::CostOf& J, const Matrix& W, double epsilon)
{
  Matrix n = xt::zeros_like(W);
  Matrix nudged = W;
  for (std::size_t i = 0; i < W.shape(0); ++i) {
    for (std::size_t j = 0; j < W.shape(1); ++j) {
      nudged(i, j) = W(i, j) + epsilon;
      const double up = J(nudged);
      nudged(i, j) = W(i, j) - epsilon;
      const double down = J(nudged);
      nudged(i, j) = W(i, j);  // back, before the next element
      n(i, j) = (up - down) / (2 * epsilon);
    }
  }
  return n;
}

BPW_EXERCISE(numerical_gradient)
