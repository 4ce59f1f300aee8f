// Solution to Exercise 9.1: ‖∇J‖ = √(Σ g²) over every element of every matrix (9.2).
#include <cmath>

#include <bpw/exercise.hpp>

using bpw::Matrix;

double gradient_norm(const std::vector<Matrix>& gradients)
{
  double squares = 0.0;
  for (const Matrix& g : gradients) squares += bpw::total(g * g);
  return std::sqrt(squares);
}

BPW_EXERCISE(gradient_norm)
