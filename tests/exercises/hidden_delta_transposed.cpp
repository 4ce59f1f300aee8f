// δ⁽ˡ⁾ computed the column way round, (W δᵀ)ᵀ forgotten: the shape is transposed.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)
{
  return bpw::matmul(W, bpw::transpose(delta_next)) * bpw::transpose(f_prime);
}

BPW_EXERCISE(hidden_delta)
