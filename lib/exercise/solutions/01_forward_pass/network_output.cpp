// Exercise 1-C (network_output): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// ⟦weighted_input⟧ and then ⟦activation⟧, once per layer. The output layer's
// input is the hidden layer's activation a⁽²⁾ = σ(z⁽²⁾), not z⁽²⁾, and each
// layer has its own W and b.
#include <bpw/exercise.hpp>

using bpw::Matrix;

namespace {

Matrix sigma(const Matrix& z) { return 1.0 / (1.0 + xt::exp(-z)); }

}  // namespace

Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1,
                      const Matrix& W2, const Matrix& b2)
{
  const Matrix z2 = bpw::matmul(X, W1) + b1;   // [M×h]
  const Matrix a2 = sigma(z2);                 // the hidden layer's output
  const Matrix z3 = bpw::matmul(a2, W2) + b2;  // [M×k]
  return sigma(z3);                            // ŷ
}

BPW_EXERCISE(network_output)
