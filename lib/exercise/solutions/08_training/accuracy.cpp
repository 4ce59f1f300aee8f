// Exercise 8-A (accuracy): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦accuracy⟧: a sample counts when the column of its largest ŷ is the column
// of its target's 1; the count over M is a share in [0, 1].
#include <bpw/exercise.hpp>

using bpw::Matrix;

namespace {

std::size_t largest_in_row(const Matrix& m, std::size_t row)
{
  std::size_t best = 0;
  for (std::size_t k = 1; k < m.shape(1); ++k)
    if (m(row, k) > m(row, best)) best = k;
  return best;
}

}  // namespace

double accuracy(const Matrix& y, const Matrix& yhat)
{
  std::size_t right = 0;
  for (std::size_t m = 0; m < y.shape(0); ++m)
    right += largest_in_row(yhat, m) == largest_in_row(y, m);
  return static_cast<double>(right) / static_cast<double>(y.shape(0));
}

BPW_EXERCISE(accuracy)
