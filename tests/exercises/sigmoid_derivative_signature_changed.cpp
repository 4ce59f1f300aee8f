// The parameter taken by value instead of by const reference: BPW_EXERCISE
// stops the build with one sentence, and the checker shows this file's line.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid_derivative(Matrix z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return s * (1.0 - s);
}

BPW_EXERCISE(sigmoid_derivative)
