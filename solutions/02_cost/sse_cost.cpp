// Solution to Exercise 2.1: J = ½ Σ (y − ŷ)² (2.2, 2.3).
#include <bpw/exercise.hpp>

using bpw::Matrix;

double sse_cost(const Matrix& y, const Matrix& yhat)
{
  const Matrix e = y - yhat;
  return 0.5 * bpw::total(e * e);
}

BPW_EXERCISE(sse_cost)
