// The softmax a learner writes first with xtensor: right mathematics, but the
// row maxima and row sums stay lazy inside larger expressions, which Debian's
// xtensor 0.24 computes wrongly. The checker must recognise it and say what to
// write instead.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix softmax(const Matrix& z)
{
  Matrix e = xt::exp(z - xt::amax(z, {1}, xt::keep_dims));
  return e / xt::sum(e, {1}, xt::keep_dims);
}

BPW_EXERCISE(softmax)
