// Solution to Exercise 1.3: (1.1) and (1.2) for the hidden layer, then again for
// the output layer.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1,
                      const Matrix& W2, const Matrix& b2)
{
  const Matrix z2 = bpw::matmul(X, W1) + b1;
  const Matrix a2 = 1.0 / (1.0 + xt::exp(-z2));
  const Matrix z3 = bpw::matmul(a2, W2) + b2;
  return 1.0 / (1.0 + xt::exp(-z3));
}

BPW_EXERCISE(network_output)
