// Solution to Exercise 6.2: v ← μ v − η ∂J/∂W (6.5), then W ← W + v (6.6).
#include <bpw/exercise.hpp>

using bpw::Matrix;

void momentum_update(Matrix& W, Matrix& v, const Matrix& dJ_dW, double eta, double mu)
{
  v = mu * v - eta * dJ_dW;
  W = W + v;
}

BPW_EXERCISE(momentum_update)
