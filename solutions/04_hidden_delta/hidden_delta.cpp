// Solution to Exercise 4.1: δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁾ᵀ) ⊙ f′(z⁽ˡ⁾) (4.2).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)
{
  return bpw::matmul(delta_next, bpw::transpose(W)) * f_prime;
}

BPW_EXERCISE(hidden_delta)
