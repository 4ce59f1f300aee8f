// No semicolon ends line 9, so GCC reports line 10; the checker shows it first.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix bias_gradient(const Matrix& delta_next)
{
  // ---- your code below ----
  Matrix dJ_db = bpw::sum_rows(delta_next)
  return dJ_db;
  // ---- your code above ----
}

BPW_EXERCISE(bias_gradient)
