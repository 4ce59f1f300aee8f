// Solution to Exercise 4.2: tanh′(z) = 1 − tanh²(z) (3.5).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix tanh_derivative(const Matrix& z)
{
  const Matrix t = xt::tanh(z);
  return 1.0 - t * t;
}

BPW_EXERCISE(tanh_derivative)
