// Matrices indexed by layer number exactly as the book numbers them: z[2] is z⁽²⁾,
// delta[3] is δ⁽³⁾, dW[1] is ∂J/∂W⁽¹⁾. No off-by-one translation in between.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "bpw/matrix.hpp"

namespace bpw {

class LayerMatrices {
 public:
  LayerMatrices() = default;
  // Slots for the layers first..last, inclusive.
  LayerMatrices(int first, int last) : first_(first), slots_(last - first + 1) {}

  Matrix& operator[](int l) { return slots_.at(index(l)); }
  const Matrix& operator[](int l) const { return slots_.at(index(l)); }

  int first() const { return first_; }
  int last() const { return first_ + static_cast<int>(slots_.size()) - 1; }

 private:
  std::size_t index(int l) const {
    if (l < first() || l > last())
      throw std::out_of_range("layer " + std::to_string(l) + " is outside " +
                              std::to_string(first()) + ".." + std::to_string(last()));
    return static_cast<std::size_t>(l - first_);
  }

  int first_ = 1;
  std::vector<Matrix> slots_;
};

}  // namespace bpw
