// Exercise 4-A (hidden_delta): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦activation_gradient⟧ then ⟦hidden_delta⟧: the next layer's deltas flow back
// through the transposed weights, [M×k]·[k×n] = [M×n], and are then scaled,
// element by element, by this layer's slope.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix hidden_delta(const Matrix& delta_next, const Matrix& W, const Matrix& f_prime)
{
  const Matrix dJ_da = bpw::matmul(delta_next, bpw::transpose(W));  // ∂J/∂a⁽ˡ⁾
  return dJ_da * f_prime;
}

BPW_EXERCISE(hidden_delta)
