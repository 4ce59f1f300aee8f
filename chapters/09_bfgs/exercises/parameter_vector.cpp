// Exercise 9-B: Every parameter in one vector θ
//
// Return θ, the row that L-BFGS works on: the elements of W⁽¹⁾, W⁽²⁾, … row by
// row, followed by those of b⁽¹⁾, b⁽²⁾, ….
//
//   (9.1)  θₖ₊₁ = θₖ − αₖ Hₖ ∇J(θₖ)
//
// Shapes: the weight matrices W and the bias rows b in; θ [1×P] out, P the
//         number of parameters
//
// Hints, one at a time:  build/bin/exercise hint parameter_vector
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check parameter_vector
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix parameter_vector(const std::vector<Matrix>& W, const std::vector<Matrix>& b)
{
  // ---- your code below ----
  // replace with every w and then every b in one row
  Matrix theta = xt::zeros<double>({std::size_t{1}, std::size_t{1}});
  (void)W, (void)b;
  return theta;
  // ---- your code above ----
}

BPW_EXERCISE(parameter_vector)
