// Solution to Exercise 7.2: ρ = ‖g − n‖ / ‖g + n‖ (7.4).
#include <bpw/exercise.hpp>

using bpw::Matrix;

double norm_ratio(const Matrix& g, const Matrix& n)
{
  const Matrix difference = g - n;
  const Matrix sum = g + n;
  return bpw::frobenius_norm(difference) / bpw::frobenius_norm(sum);
}

BPW_EXERCISE(norm_ratio)
