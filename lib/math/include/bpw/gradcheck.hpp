// Chapter 7: the numerical gradient by central differences, and how to compare it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "bpw/backprop.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;
struct Dataset;
struct ForwardPass;

// Told after each parameter is nudged how many are done; false stops the check
// there (Ctrl-C), leaving the rest of n at 0.
using Nudged = std::function<bool(std::size_t done)>;

// (7.1)/(7.2) every weight and bias nudged by ±ε in turn:
// n = [J(w + ε) − J(w − ε)] / 2ε.
Gradients numerical_gradients(const Network& network, const Dataset& data, double epsilon,
                              const Nudged& nudged = {});

// The weights and biases of the network, all of them: what a full check nudges.
std::size_t parameter_count(const Network& network);

// One parameter: element `index` (row by row) of W⁽ˡ⁾, or of b⁽ˡ⁾ when `bias`.
struct Parameter {
  int l;
  bool bias;
  std::size_t index;
};

// `count` parameters drawn at random without repeats by `seed` (all of them
// when there are no more), in the network's order: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, …
std::vector<Parameter> sample_parameters(const Network& network, std::size_t count,
                                         std::uint64_t seed);

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
// (7.4) over the elements of g and n, any shape (a sample of the parameters).
double norm_ratio(const Matrix& g, const Matrix& n);

// The verdict a learner reads for a norm ratio.
struct Verdict {
  bool passed;
  const char* words;
};
Verdict verdict_for(double ratio);

// A check that fails at the ε given may blame ε rather than the derivative: the
// central difference's truncation error shrinks like ε² (ε too large), its
// rounding error grows like 1/ε (ε too small). The check is run again at these
// ε; a right derivative passes at one of them, a wrong one at none.
inline constexpr std::array<double, 3> reference_epsilons{1e-4, 1e-5, 1e-6};

// The norm ratio (7.4) of a check run at one ε.
struct CheckAt {
  double epsilon;
  double ratio;
};

enum class Blame { epsilon_too_large, epsilon_too_small, derivative };

struct Diagnosis {
  Blame blame;
  double good_epsilon;  // the reference ε with the smallest ratio, when it passed
};

// Why a check failed at `epsilon`, from the checks at the reference ε: the ε
// given was too large or too small when one of them passes, the derivative is
// wrong when none does.
Diagnosis diagnose(double epsilon, std::span<const CheckAt> references);

}  // namespace bpw
