// Solution to Exercise 5.1: ∂J/∂W⁽ˡ⁾ = a⁽ˡ⁾ᵀ δ⁽ˡ⁺¹⁾ (5.1).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_gradient(const Matrix& a, const Matrix& delta_next)
{
  return bpw::matmul(bpw::transpose(a), delta_next);
}

BPW_EXERCISE(weight_gradient)
