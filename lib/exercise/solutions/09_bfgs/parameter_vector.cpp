// Exercise 9-B (parameter_vector): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// θ of ⟦lbfgs_step⟧: every weight matrix in order, then every bias row, each
// read row by row, which is the order a range-for visits a Matrix.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix parameter_vector(const std::vector<Matrix>& W, const std::vector<Matrix>& b)
{
  std::size_t P = 0;
  for (const Matrix& m : W) P += m.size();
  for (const Matrix& m : b) P += m.size();
  Matrix theta = xt::zeros<double>({std::size_t{1}, P});
  std::size_t p = 0;
  for (const auto* list : {&W, &b})
    for (const Matrix& m : *list)
      for (double value : m) theta(0, p++) = value;
  return theta;
}

BPW_EXERCISE(parameter_vector)
