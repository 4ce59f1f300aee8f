// Exercise 5-B: The gradient of a bias row
//
// Return ∂J/∂b⁽ˡ⁾: each bias adds 1 × itself to its neuron's z for every
// sample, so its gradient is the sum of that neuron's deltas over the samples.
//
//   (5.2)  ∂J/∂b⁽ˡ⁾ = Σₘ δ⁽ˡ⁺¹⁾
//
// Shapes: δ⁽ˡ⁺¹⁾ [M×k] in; ∂J/∂b⁽ˡ⁾ [1×k] out (the shape of b⁽ˡ⁾)
//
// Hints, one at a time:  build/bin/exercise hint bias_gradient
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check bias_gradient
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix bias_gradient(const Matrix& delta_next)
{
  // ---- your code below ----
  // replace with Σₘ δ⁽ˡ⁺¹⁾
  Matrix dJ_db = xt::zeros<double>({std::size_t{1}, delta_next.shape(1)});
  return dJ_db;
  // ---- your code above ----
}

BPW_EXERCISE(bias_gradient)
