// Exercise 3-B: δ⁽ᴸ⁾ for the squared error and a sigmoid output
//
// Return the output layer's delta δ⁽ᴸ⁾ = ∂J/∂z⁽ᴸ⁾ for J = ½ Σ (y − ŷ)² and ŷ =
// σ(z⁽ᴸ⁾).
//
//   (3.1)  δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾)
//
// Shapes: y [M×k], ŷ [M×k], z⁽ᴸ⁾ [M×k] in; δ⁽ᴸ⁾ [M×k] out
//
// Hints, one at a time:  build/bin/exercise hint output_delta
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check output_delta
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix output_delta(const Matrix& y, const Matrix& yhat, const Matrix& z)
{
  // ---- your code below ----
  Matrix delta = xt::zeros_like(z);  // replace with ∂J/∂ŷ ⊙ f′(z)
  (void)y, (void)yhat;
  return delta;
  // ---- your code above ----
}

BPW_EXERCISE(output_delta)
