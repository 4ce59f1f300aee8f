// Solution to Exercise 2.2: J = −Σ [y ln ŷ + (1 − y) ln(1 − ŷ)] (2.2, 2.5).
#include <bpw/exercise.hpp>

using bpw::Matrix;

double cross_entropy_cost(const Matrix& y, const Matrix& yhat)
{
  const Matrix per_output = y * xt::log(yhat) + (1.0 - y) * xt::log(1.0 - yhat);
  return -bpw::total(per_output);
}

BPW_EXERCISE(cross_entropy_cost)
