// Chapter 7: the numerical gradient by central differences, and how to compare it.
#pragma once

#include "bpw/backprop.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;
struct Dataset;
struct ForwardPass;

// (7.1)/(7.2) every weight and bias nudged by ±ε in turn:
// n = [J(w + ε) − J(w − ε)] / 2ε.
Gradients numerical_gradients(const Network& network, const Dataset& data, double epsilon);

// ∂J/∂z⁽ˡ⁾ by central differences on each element of z⁽ˡ⁾: the numerical δ⁽ˡ⁾.
Matrix numerical_delta(const Network& network, const ForwardPass& pass, const Matrix& y, int l,
                       double epsilon);

// The central difference of one parameter alone: element `index` (row by row)
// of W⁽ˡ⁾, or of b⁽ˡ⁾ when `bias` is set. For checking a few weights of a
// network too large to nudge them all.
double numerical_derivative(const Network& network, const Dataset& data, int l, bool bias,
                            std::size_t index, double epsilon);

// (7.3) r = |g − n| / max(|g|, |n|), and 0 when both are 0.
double relative_error(double g, double n);

// (7.4) ρ = ‖g − n‖ / ‖g + n‖ over every weight and bias of the network.
double norm_ratio(const Gradients& g, const Gradients& n);

// The verdict a learner reads for a norm ratio.
struct Verdict {
  bool passed;
  const char* words;
};
Verdict verdict_for(double ratio);

}  // namespace bpw
