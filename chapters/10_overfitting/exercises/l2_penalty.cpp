// Exercise 10-A: The weight penalty
//
// Return the term that L2 regularisation adds to J in (2.7): λ/2 times the sum
// of the squares of every weight of every layer.
//
//   (2.7)  J̃ = J + (λ/2) Σₗ ‖W⁽ˡ⁾‖²
//
// Shapes: the weight matrices W⁽¹⁾, W⁽²⁾, … and λ in; the penalty, a number,
//         out
//
// Hints, one at a time:  build/bin/exercise hint l2_penalty
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check l2_penalty
#include <bpw/exercise.hpp>

using bpw::Matrix;

double l2_penalty(const std::vector<Matrix>& W, double lambda)
{
  // ---- your code below ----
  (void)W, (void)lambda;
  return 0.0;  // replace with (λ/2) Σₗ ‖W⁽ˡ⁾‖²
  // ---- your code above ----
}

BPW_EXERCISE(l2_penalty)
