// σ′ with a sign wrong: σ(z) ⊙ (1 + σ(z)).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid_derivative(const Matrix& z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return s * (1.0 + s);
}

BPW_EXERCISE(sigmoid_derivative)
