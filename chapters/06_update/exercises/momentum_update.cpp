// Exercise 6-B: A step with momentum
//
// Update the velocity v by (6.5) and then the weights W by (6.6), both in
// place. The checker calls it several times in a row, so v must carry over from
// step to step.
//
//   (6.5)  v ← μ v − η ∂J/∂W⁽ˡ⁾
//   (6.6)  W⁽ˡ⁾ ← W⁽ˡ⁾ + v
//
// Shapes: W [n×k] and v [n×k] in and out; ∂J/∂W [n×k], η, μ in
//
// Hints, one at a time:  build/bin/exercise hint momentum_update
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check momentum_update
#include <bpw/exercise.hpp>

using bpw::Matrix;

void momentum_update(Matrix& W, Matrix& v, const Matrix& dJ_dW, double eta, double mu)
{
  // ---- your code below ----
  // replace with (6.5) for v and then (6.6) for W
  (void)W, (void)v, (void)dJ_dW, (void)eta, (void)mu;
  // ---- your code above ----
}

BPW_EXERCISE(momentum_update)
