// Solution to Exercise 1.1: σ(z), element by element (1.2).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid(const Matrix& z)
{
  return 1.0 / (1.0 + xt::exp(-z));
}

BPW_EXERCISE(sigmoid)
