// One weight's gradient worked as the published examples work it by hand: for
// each sample a product of scalars from the cost back to the weight, then their
// sum over the samples, which is one element of (5.1) ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "bpw/eq.hpp"

namespace bpw {

class Network;
struct ForwardPass;
struct Deltas;

// One element of a matrix a chapter traced: the matrix by its equation and
// layer (as bpw::traced names it), the element by its row and column with
// samples as rows, counted from 0.
struct Element {
  Eq eq;
  int l;
  std::size_t row, col;
  double value;
};

// A factor of the chain. ∂J/∂a⁽ˡ⁾ⱼ of a hidden unit is itself a sum over the
// units k it feeds, Σₖ δ⁽ˡ⁺¹⁾ₖ w⁽ˡ⁾ⱼₖ: `terms` holds those pairs.
struct Factor {
  Element element;
  std::vector<std::pair<Element, Element>> terms;
};

struct SampleChain {
  std::size_t m;                // the sample, counted from 0
  std::vector<Factor> factors;  // from the cost down to the weight's input a⁽ˡ⁾ᵢ
  double value;                 // their product
};

struct WeightChain {
  int l;                // the weight is element (i, j) of W⁽ˡ⁾: from unit i of layer l
  std::size_t i, j;     // to unit j of layer l + 1
  std::vector<SampleChain> samples;
  double value;         // Σₘ of the samples' products: ∂J/∂wᵢⱼ without L2
};

// The chain of weight (i, j) of W⁽ˡ⁾, from the forward pass and the deltas the
// chapter computed: δ⁽ˡ⁺¹⁾ⱼ as the factors that made it (∂J/∂ŷ and f′ at the
// output, ∂J/∂a and f′ below; δ itself where the cost simplifies it), times aᵢ.
WeightChain chain_of(const Network& network, const ForwardPass& pass, const Deltas& d, int l,
                     std::size_t i, std::size_t j);

}  // namespace bpw
