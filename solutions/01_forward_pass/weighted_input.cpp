// Solution to Exercise 1.2: z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾ (1.1); b is added to every row.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weighted_input(const Matrix& a, const Matrix& W, const Matrix& b)
{
  return bpw::matmul(a, W) + b;
}

BPW_EXERCISE(weighted_input)
