// Exercise 10-A (l2_penalty): the workbook's solution, which
// `exercise solution` shows once the check passes.
//
// The penalty of ⟦l2_cost⟧: (λ/2) times every squared weight of every layer;
// the biases are not penalised and are not passed in.
#include <bpw/exercise.hpp>

using bpw::Matrix;

double l2_penalty(const std::vector<Matrix>& W, double lambda)
{
  double squares = 0.0;
  for (const Matrix& w : W) squares += bpw::total(w * w);  // ‖W⁽ˡ⁾‖², no square root
  return lambda / 2 * squares;
}

BPW_EXERCISE(l2_penalty)
