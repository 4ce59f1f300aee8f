// Solution to Exercise 10.2: ∂J̃/∂W = ∂J/∂W + λW (5.3).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix l2_weight_gradient(const Matrix& dJ_dW, const Matrix& W, double lambda)
{
  return dJ_dW + lambda * W;
}

BPW_EXERCISE(l2_weight_gradient)
