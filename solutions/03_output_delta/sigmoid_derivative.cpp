// Solution to Exercise 3.1: σ′(z) = σ(z) ⊙ (1 − σ(z)) (3.4).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid_derivative(const Matrix& z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return s * (1.0 - s);
}

BPW_EXERCISE(sigmoid_derivative)
