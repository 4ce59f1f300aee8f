#include "bpw/optimize.hpp"

#include <lbfgs.h>

#include <algorithm>
#include <cmath>

#include "bpw/forward.hpp"
#include "bpw/interrupt.hpp"
#include "bpw/network.hpp"
#include "bpw/train.hpp"

namespace bpw {
namespace {

// Whether L-BFGS moves b⁽ˡ⁾: a layer with a bias, unless the biases are held fixed.
bool learns_bias(const Network& network, int l) {
  return network.layer(l).has_bias && !network.biases_fixed();
}

}  // namespace

std::vector<double> parameters_of(const Network& network) {
  std::vector<double> p;
  for (int l = 1; l < network.L(); ++l) p.insert(p.end(), network.layer(l).W.begin(), network.layer(l).W.end());
  for (int l = 1; l < network.L(); ++l)
    if (learns_bias(network, l)) p.insert(p.end(), network.layer(l).b.begin(), network.layer(l).b.end());
  return p;
}

void set_parameters(Network& network, std::span<const double> p) {
  std::size_t at = 0;
  for (int l = 1; l < network.L(); ++l) {
    Matrix& W = network.layer(l).W;
    std::copy_n(p.begin() + static_cast<std::ptrdiff_t>(at), W.size(), W.begin());
    at += W.size();
  }
  for (int l = 1; l < network.L(); ++l) {
    if (!learns_bias(network, l)) continue;
    Matrix& b = network.layer(l).b;
    std::copy_n(p.begin() + static_cast<std::ptrdiff_t>(at), b.size(), b.begin());
    at += b.size();
  }
}

std::vector<double> flatten(const Network& network, const Gradients& g) {
  std::vector<double> out;
  for (int l = 1; l < network.L(); ++l) out.insert(out.end(), g.dW[l].begin(), g.dW[l].end());
  for (int l = 1; l < network.L(); ++l)
    if (learns_bias(network, l)) out.insert(out.end(), g.db[l].begin(), g.db[l].end());
  return out;
}

namespace {

struct Problem {
  Network* network;
  const Dataset* data;
  const std::function<void(const Network&, const Iteration&)>* observe;
  OptimizeResult* result;
  double tolerance;
};

// What progress() returns to stop liblbfgs once ‖∇J‖ is below the tolerance,
// and when Ctrl-C asked for a stop.
constexpr int reached_tolerance = 1;
constexpr int stopped_by_ctrl_c = 2001;  // apart from liblbfgs's own codes

// liblbfgs asks for J and ∇J at x: set the weights, run chapters 1–5 once.
lbfgsfloatval_t evaluate(void* instance, const lbfgsfloatval_t* x, lbfgsfloatval_t* g, const int n,
                         const lbfgsfloatval_t) {
  Problem& p = *static_cast<Problem*>(instance);
  Network& network = *p.network;
  set_parameters(network, std::span<const double>(x, static_cast<std::size_t>(n)));
  const ForwardPass pass = forward(network, p.data->X);
  Gradients gradient = gradients(network, pass, deltas(network, pass, p.data->y).delta);
  regularize(network, gradient, samples(*p.data));
  const std::vector<double> flat = flatten(network, gradient);
  std::copy(flat.begin(), flat.end(), g);
  return J_of(network, pass, p.data->y);
}

int progress(void* instance, const lbfgsfloatval_t* x, const lbfgsfloatval_t*, const lbfgsfloatval_t fx,
             const lbfgsfloatval_t, const lbfgsfloatval_t gnorm, const lbfgsfloatval_t, int n, int k, int) {
  Problem& p = *static_cast<Problem*>(instance);
  set_parameters(*p.network, std::span<const double>(x, static_cast<std::size_t>(n)));
  const Iteration it{k, fx, gnorm};
  p.result->iterations.push_back(it);
  if (*p.observe) (*p.observe)(*p.network, it);
  if (stop_requested()) return stopped_by_ctrl_c;
  return gnorm < p.tolerance ? reached_tolerance : 0;
}

std::string reason(int status) {
  switch (status) {
    case reached_tolerance: return "‖∇J‖ fell below the tolerance";
    case stopped_by_ctrl_c: return "Ctrl-C stopped it";
    case LBFGS_ALREADY_MINIMIZED: return "the starting point is already a minimum";
    case LBFGSERR_MAXIMUMITERATION: return "it reached the most iterations allowed";
    case LBFGSERR_ROUNDING_ERROR: return "rounding errors stopped further progress";
    case LBFGSERR_MAXIMUMLINESEARCH: return "the line search took too many steps";
    default: return "liblbfgs stopped with status " + std::to_string(status);
  }
}

}  // namespace

OptimizeResult minimize_lbfgs(Network& network, const Dataset& data, int max_iterations,
                              double tolerance,
                              const std::function<void(const Network&, const Iteration&)>& observe) {
  std::vector<double> x = parameters_of(network);
  OptimizeResult result;
  Problem problem{&network, &data, &observe, &result, tolerance};
  lbfgs_parameter_t param;
  lbfgs_parameter_init(&param);
  param.max_iterations = max_iterations;
  // liblbfgs's own test, ‖g‖ < ε·max(1, ‖x‖), loosens as the weights grow;
  // progress() applies the chapter's rule, ‖g‖ < tolerance, instead.
  param.epsilon = 1e-300;
  lbfgsfloatval_t fx = 0;
  const int status = lbfgs(static_cast<int>(x.size()), x.data(), &fx, evaluate, progress, &problem, &param);
  set_parameters(network, x);
  const std::vector<double> g = flatten(network, backprop(network, data));
  const double norm = std::sqrt(std::inner_product(g.begin(), g.end(), g.begin(), 0.0));
  result.converged = norm < tolerance;
  result.message = reason(status);
  return result;
}

}  // namespace bpw
