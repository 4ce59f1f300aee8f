#include "bpw/formula_check.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "bpw/activation.hpp"
#include "bpw/cost.hpp"
#include "bpw/data.hpp"
#include "bpw/forward.hpp"
#include "bpw/network.hpp"

namespace bpw {
namespace {

// A step for the central difference at x: small against x, never 0.
double step_at(double x) { return 1e-6 * std::max(1.0, std::abs(x)); }

// f′ element by element against [f(z + h) − f(z − h)] / 2h.
FormulaCheck derivative_check(const Activation& f, int l, const Matrix& z, const Matrix& a) {
  FormulaCheck c{f.derivative_equation, l, f.name, f.defined, {}, xt::zeros_like(z)};
  f.derivative(z, a, c.formula);
  Matrix nudged = z;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double h = step_at(z.flat(i));
    nudged.flat(i) = z.flat(i) + h;
    const double up = f.f(nudged).flat(i);
    nudged.flat(i) = z.flat(i) - h;
    const double down = f.f(nudged).flat(i);
    nudged.flat(i) = z.flat(i);
    c.differences.flat(i) = (up - down) / (2 * h);
  }
  return c;
}

// Softmax's product with g (1, 2, …, k in every row) against the differences of
// Σᵢ gᵢ aᵢ in each z: the row's inputs are mixed, so each z is nudged in turn.
FormulaCheck jacobian_check(const Activation& f, int l, const Matrix& z, const Matrix& a) {
  Matrix g({z.shape(0), z.shape(1)});
  for (std::size_t m = 0; m < g.shape(0); ++m)
    for (std::size_t j = 0; j < g.shape(1); ++j) g(m, j) = static_cast<double>(j + 1);
  FormulaCheck c{f.derivative_equation, l, f.name, f.defined, g, xt::zeros_like(z)};
  f.jacobian_product(a, c.formula);
  const auto weighted = [&](const Matrix& at, std::size_t m) {
    const Matrix out = f.f(at);
    double sum = 0;
    for (std::size_t i = 0; i < out.shape(1); ++i) sum += g(m, i) * out(m, i);
    return sum;
  };
  Matrix nudged = z;
  for (std::size_t m = 0; m < z.shape(0); ++m)
    for (std::size_t j = 0; j < z.shape(1); ++j) {
      const double h = step_at(z(m, j));
      nudged(m, j) = z(m, j) + h;
      const double up = weighted(nudged, m);
      nudged(m, j) = z(m, j) - h;
      const double down = weighted(nudged, m);
      nudged(m, j) = z(m, j);
      c.differences(m, j) = (up - down) / (2 * h);
    }
  return c;
}

// ∂J/∂ŷ against the differences of J in each ŷ.
FormulaCheck cost_check(const Cost& cost, int L, const Matrix& y, const Matrix& yhat) {
  FormulaCheck c{cost.gradient_equation, L, cost.name, cost.defined, {}, xt::zeros_like(yhat)};
  cost.gradient_into(y, yhat, c.formula);
  const bool logs = cost.targets != Targets::any;  // the cross-entropies take ln ŷ, ln(1 − ŷ)
  Matrix nudged = yhat;
  for (std::size_t i = 0; i < yhat.size(); ++i) {
    const double p = yhat.flat(i), h = step_at(p) * 1e-2;
    if (logs && (p - h <= 0 || p + h >= 1)) {  // outside the domain of ln: not compared
      c.differences.flat(i) = c.formula.flat(i);
      continue;
    }
    nudged.flat(i) = p + h;
    const double up = J_by_sums(cost, y, nudged);
    nudged.flat(i) = p - h;
    const double down = J_by_sums(cost, y, nudged);
    nudged.flat(i) = p;
    c.differences.flat(i) = (up - down) / (2 * h);
  }
  return c;
}

}  // namespace

std::vector<FormulaCheck> check_formulas(const Network& network, const Dataset& data) {
  std::vector<std::size_t> rows(std::min<std::size_t>(20, samples(data)));
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const Dataset part = rows_of(data, rows);
  const ForwardPass pass = forward(network, part.X);
  std::vector<FormulaCheck> out;
  for (int l = 2; l <= network.L(); ++l) {
    const Activation& f = network.activation(l);
    out.push_back(f.elementwise() ? derivative_check(f, l, pass.z[l], pass.a[l])
                                  : jacobian_check(f, l, pass.z[l], pass.a[l]));
  }
  out.push_back(cost_check(network.cost(), network.L(), part.y, pass.yhat()));
  return out;
}

}  // namespace bpw
