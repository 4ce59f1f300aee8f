// One gradient-descent step for the tests, leaving the gradients as they were
// (bpw::descend turns them into the steps ΔW = −η ∂J/∂W).
#pragma once

#include <bpw/backprop.hpp>

namespace bpw::testing {

inline void step_along(Network& network, Gradients g, double eta) { descend(network, g, eta); }

}  // namespace bpw::testing
