// Exercise 7-A: The central-difference gradient
//
// Return the numerical gradient of J with respect to every element of W: nudge
// one element by +ε and by −ε, keeping every other element as it is, and divide
// the change in J by 2ε.
//
//   (7.1)  n(W⁽ˡ⁾)ᵢⱼ = [J(W⁽ˡ⁾ᵢⱼ + ε) − J(W⁽ˡ⁾ᵢⱼ − ε)] / 2ε
//
// Shapes: J a function of W, W [n×k], ε a number in; n(W) [n×k] out
//
// Hints, one at a time:  build/bin/exercise hint numerical_gradient
// Write the body between the two marker lines; keep the function's name and
// parameters. Check it with:  build/bin/exercise check numerical_gradient
#include <bpw/exercise.hpp>

using bpw::Matrix;

Matrix numerical_gradient(const bpw::exercise::CostOf& J, const Matrix& W, double epsilon)
{
  // ---- your code below ----
  Matrix n = xt::zeros_like(W);  // replace: one central difference per element
  (void)J, (void)epsilon;
  return n;
  // ---- your code above ----
}

BPW_EXERCISE(numerical_gradient)
