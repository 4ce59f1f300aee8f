// Exercise 5-A (weight_gradient): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦weight_gradient⟧: wᵢⱼ meets J through zⱼ with ∂zⱼ/∂wᵢⱼ = aᵢ, for every
// sample; aᵀ δ does the products and the sum over the M samples in one matrix
// product, [n×M]·[M×k] = [n×k], W's shape. J sums the samples, so no 1/M.
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix weight_gradient(const Matrix& a, const Matrix& delta_next)
{
  return bpw::matmul(bpw::transpose(a), delta_next);
}

BPW_EXERCISE(weight_gradient)
