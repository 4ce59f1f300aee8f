// Exercise 8.2: The softmax of each sample
//
// Return softmax(z): in each row, e^(zₖ) divided by the row's sum of e^(zⱼ). It
// must stay finite for z as large as 1000.
//
//   (1.2)  a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾)
//
// Shapes: z [N×k] in; ŷ [N×k] out, each row summing to 1
// Hint: Subtract each row's largest z before taking xt::exp: the ratios do not
//       change, and no exponential can overflow.
//
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
