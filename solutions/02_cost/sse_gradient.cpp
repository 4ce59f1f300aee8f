// Solution to Exercise 2.3: ∂J/∂ŷ = −(y − ŷ) (3.2).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sse_gradient(const Matrix& y, const Matrix& yhat)
{
  return -(y - yhat);
}

BPW_EXERCISE(sse_gradient)
