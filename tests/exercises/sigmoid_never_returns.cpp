// A loop whose condition never turns false: the checker stops it after its
// time limit and says so.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix sigmoid(const Matrix& z)
{
  Matrix a = 1.0 / (1.0 + xt::exp(-z));
  for (volatile std::size_t i = 0; i < a.size(); i *= 1) a(0, 0) += 0.0;
  return a;
}

BPW_EXERCISE(sigmoid)
