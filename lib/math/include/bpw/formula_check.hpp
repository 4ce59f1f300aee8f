// Chapter 7: which formula a wrong gradient comes from. Backpropagation chains
// a few formulas (each activation's f′, softmax's Jacobian product, the cost's
// ∂J/∂ŷ); each is checked here against central differences of the function it
// differentiates, at the values of one forward pass, so that a failed gradient
// check can name the formula to fix and the file it is written in.
#pragma once

#include <source_location>
#include <string_view>
#include <vector>

#include "bpw/eq.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;
struct Dataset;

struct FormulaCheck {
  Eq equation;                // (3.4) σ′, (3.10) softmax's product, (3.2) ∂J/∂ŷ …
  int l;                      // the layer of the z (or, for the cost, of ŷ) it was checked at
  std::string_view function;  // the function differentiated: "sigmoid", "sse"
  std::source_location defined;  // where the formula's entry is written
  Matrix formula;             // the formula's values
  Matrix differences;         // the central differences, element by element
};

// Every formula `network` uses, checked on its first samples of `data` (20 at
// most): f′ of each layer's activation against [f(z + h) − f(z − h)] / 2h;
// softmax's Jacobian product with the weights g = 1, 2, …, k against the
// differences of Σᵢ gᵢ aᵢ; and the cost's ∂J/∂ŷ against the differences of J
// (its sum over the samples) in each ŷ. Elements where ŷ ± h leaves (0, 1) for
// a cross-entropy are left out (differences equal to the formula).
std::vector<FormulaCheck> check_formulas(const Network& network, const Dataset& data);

}  // namespace bpw
