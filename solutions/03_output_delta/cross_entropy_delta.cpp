// Solution to Exercise 3.3: δ⁽ᴸ⁾ = ŷ − y (3.11).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix cross_entropy_delta(const Matrix& y, const Matrix& yhat)
{
  return yhat - y;
}

BPW_EXERCISE(cross_entropy_delta)
