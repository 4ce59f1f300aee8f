// Exercise 8-B: The softmax of each sample
//
// Return softmax(z) of (1.4): in each row, e^(zₖ) divided by the row's sum of
// e^(zⱼ). It must stay finite for z as large as 1000.
//
//   (1.4)  ŷₘₖ = e^(z⁽ᴸ⁾ₘₖ) / Σⱼ e^(z⁽ᴸ⁾ₘⱼ)
//
// Shapes: z [M×k] in; ŷ [M×k] out, each row summing to 1
// Note: Debian's xtensor 0.24 computes a reduction kept lazy inside a larger
//       expression wrongly, without an error: `xt::exp(z - xt::amax(z, {1},
//       xt::keep_dims))` and `e / xt::sum(e, {1}, xt::keep_dims)` give wrong
//       numbers. Assign each reduction to a Matrix first, `Matrix top =
//       xt::amax(z, {1}, xt::keep_dims);`, and use that Matrix. The checker
//       recognises the lazy form and says so.
//
// Hints, one at a time:  build/bin/exercise hint softmax
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check softmax
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix softmax(const Matrix& z)
{
  // ---- your code below ----
  Matrix yhat = xt::zeros_like(z);  // replace with softmax, row by row
  return yhat;
  // ---- your code above ----
}

BPW_EXERCISE(softmax)
