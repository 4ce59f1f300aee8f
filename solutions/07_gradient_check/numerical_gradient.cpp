// Solution to Exercise 7.1: one central difference per element of W (7.1).
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
      nudged(i, j) = W(i, j);
      n(i, j) = (up - down) / (2 * epsilon);
    }
  }
  return n;
}

BPW_EXERCISE(numerical_gradient)
