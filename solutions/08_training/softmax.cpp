// Solution to Exercise 8.2: softmax row by row, shifted by each row's largest z
// so that no exponential overflows.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix softmax(const Matrix& z)
{
  Matrix yhat = z;
  for (std::size_t m = 0; m < z.shape(0); ++m) {
    auto row = xt::row(yhat, m);
    row = xt::exp(row - xt::amax(row)());
    row /= xt::sum(row)();
  }
  return yhat;
}

BPW_EXERCISE(softmax)
