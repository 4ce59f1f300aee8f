// Exercise 3.2: δ⁽ᴸ⁾ for the squared error and a sigmoid output
//
// Return the output layer's delta δ⁽ᴸ⁾ = ∂J/∂z⁽ᴸ⁾ for J = ½ Σ (y − ŷ)² and ŷ =
// σ(z⁽ᴸ⁾).
//
//   (3.1)  δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾)
//
// Shapes: y [N×k], ŷ [N×k], z⁽ᴸ⁾ [N×k] in; δ⁽ᴸ⁾ [N×k] out
// Hint: Multiply, element by element, ∂J/∂ŷ = −(y − ŷ) by σ′(z⁽ᴸ⁾) = ŷ ⊙ (1 −
//       ŷ): ŷ is σ(z⁽ᴸ⁾) already.
//
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
