// Solution to Exercise 10.1: the penalty (λ/2) Σₗ ‖W⁽ˡ⁾‖² of (2.7).
#include <bpw/exercise.hpp>

using bpw::Matrix;

double l2_penalty(const std::vector<Matrix>& W, double lambda)
{
  double squares = 0.0;
  for (const Matrix& w : W) squares += bpw::total(w * w);
  return lambda / 2 * squares;
}

BPW_EXERCISE(l2_penalty)
