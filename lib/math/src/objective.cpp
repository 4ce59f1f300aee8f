// Chapter 2: the cost J of the network's outputs, and J̃ with L2.
#include "bpw/backprop.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {

double J_of(const Network& network, const ForwardPass& pass, const Matrix& y, TraceSink* trace) {
  //! [cost]
  const Cost& c = network.cost();
  const int L = network.L();
  const Matrix& yhat = pass.yhat();
  Matrix e, J_m;
  if (c.error_costs_into) {  // the squared errors are written with e = y − ŷ (2.1)
    traced(trace, Eq::output_error, L, difference_into(y, yhat, e), {y, yhat});
    traced(trace, c.sample_equation, L, c.error_costs_into(e, J_m), {e});
  } else {
    traced(trace, c.sample_equation, L, c.sample_costs_into(y, yhat, pass.z[L], J_m), {y, pass.z[L]});
  }
  const double J = traced(trace, Eq::total_cost, L, total(J_m), {J_m});
  if (!network.l2().active()) return J;
  return traced(trace, J_equation(network), L, regularized(network, J, y.shape(0)));
  //! [cost]
}

double regularized(const Network& network, double J, std::size_t M) {
  //! [penalty]
  const L2& l2 = network.l2();
  if (!l2.active()) return J;
  double squares = 0;  // Σₗ ‖W⁽ˡ⁾‖²
  for (int l = 1; l < network.L(); ++l)
    for (double w : network.layer(l).W) squares += w * w;
  return (l2.averaged ? J / static_cast<double>(M) : J) + l2.lambda / 2 * squares;
  //! [penalty]
}

Eq J_equation(const Network& network) {
  if (!network.l2().active()) return Eq::total_cost;
  return network.l2().averaged ? Eq::l2_cost_mean : Eq::l2_cost;
}

}  // namespace bpw
