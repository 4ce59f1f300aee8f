// Exercise 9-A: The length of the whole gradient
//
// Return ‖∇J‖: the square root of the sum of the squares of every gradient
// element of every matrix in the list.
//
//   (9.2)  ‖∇J‖ = (Σ g²)^½ over every weight and bias
//
// Shapes: a list of gradients ∂J/∂W⁽¹⁾, ∂J/∂b⁽¹⁾, … of any shapes in; ‖∇J‖ a
//         number out
//
// Hints, one at a time:  build/bin/exercise hint gradient_norm
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check gradient_norm
#include <bpw/exercise.hpp>

using bpw::Matrix;

double gradient_norm(const std::vector<Matrix>& gradients)
{
  // ---- your code below ----
  (void)gradients;
  return 0.0;  // replace with √(Σ g²) over every element of every matrix
  // ---- your code above ----
}

BPW_EXERCISE(gradient_norm)
