// Solution to Exercise 5.2: ∂J/∂b⁽ˡ⁾ = Σₘ δ⁽ˡ⁺¹⁾ (5.2), kept as a [1×k] row.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix bias_gradient(const Matrix& delta_next)
{
  return bpw::sum_rows(delta_next);
}

BPW_EXERCISE(bias_gradient)
