// Solution to Exercise 6.1: W ← W − η ∂J/∂W (6.2).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)
{
  return W - eta * dJ_dW;
}

BPW_EXERCISE(weight_update)
