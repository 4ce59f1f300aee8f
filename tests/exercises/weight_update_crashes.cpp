// Reads through a null pointer: the checker reports the crash and carries on.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_update(const Matrix& W, const Matrix& dJ_dW, double eta)
{
  volatile const double* nowhere = nullptr;
  Matrix next = W - eta * dJ_dW;
  next(0, 0) += nowhere[W.size()];
  return next;
}

BPW_EXERCISE(weight_update)
