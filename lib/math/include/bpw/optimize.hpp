// Chapters 9–10: handing the workbook's cost and gradient to a quasi-Newton
// optimiser, L-BFGS from Debian's liblbfgs, as the classic tutorials hand theirs
// to BFGS. The network's weights and biases become one vector of parameters.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "bpw/backprop.hpp"
#include "bpw/data.hpp"

namespace bpw {

class Network;

// Every weight, then every bias, layer by layer: the vector the optimiser moves.
std::vector<double> parameters_of(const Network& network);
void set_parameters(Network& network, std::span<const double> parameters);
std::vector<double> flatten(const Network& network, const Gradients& gradients);

struct Iteration {
  int number;
  double J;
  double gradient_norm;  // ‖∇J‖
};

struct OptimizeResult {
  std::vector<Iteration> iterations;
  bool converged = false;  // ‖∇J‖ fell below the tolerance
  std::string message;     // liblbfgs's reason for stopping, in words
};

// Minimises J of `network` on `data` with L-BFGS, the gradient from
// backpropagation; stops when ‖∇J‖ < tolerance or after max_iterations. After
// each iteration `observe` sees the network as it then is.
OptimizeResult minimize_lbfgs(Network& network, const Dataset& data, int max_iterations,
                              double tolerance,
                              const std::function<void(const Network&, const Iteration&)>& observe = {});

}  // namespace bpw
