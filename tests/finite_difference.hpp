// Central differences for the tests: an independent way to differentiate.
#pragma once

#include <functional>

#include <bpw/matrix.hpp>

namespace bpw::testing {

// d/dx of g at every element of x, by [g(x + ε) − g(x − ε)] / 2ε, where g maps a
// matrix to a number.
inline Matrix gradient_by_differences(const std::function<double(const Matrix&)>& g, Matrix x,
                                      double epsilon = 1e-6) {
  Matrix out = xt::zeros_like(x);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double kept = x.flat(i);
    x.flat(i) = kept + epsilon;
    const double plus = g(x);
    x.flat(i) = kept - epsilon;
    const double minus = g(x);
    x.flat(i) = kept;
    out.flat(i) = (plus - minus) / (2 * epsilon);
  }
  return out;
}

}  // namespace bpw::testing
