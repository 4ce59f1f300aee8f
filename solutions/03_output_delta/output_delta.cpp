// Solution to Exercise 3.2: δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾) (3.1), with (3.2) and (3.4).
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix output_delta(const Matrix& y, const Matrix& yhat, const Matrix& z)
{
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return -(y - yhat) * s * (1.0 - s);
}

BPW_EXERCISE(output_delta)
