#include "bpw/cost.hpp"

#include <array>

#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>

#include "named.hpp"

namespace bpw {
namespace {

double samples(const Matrix& y) { return static_cast<double>(y.shape(0)); }

// (2.3) Jₘ = ½ Σₖ (yₘₖ − ŷₘₖ)²
Matrix sse_sample_costs(const Matrix& y, const Matrix& yhat) {
  const Matrix e = y - yhat;
  return xt::sum(0.5 * e * e, {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
}
double sse_J(const Matrix& y, const Matrix& yhat) {
  const Matrix e = y - yhat;
  return 0.5 * xt::sum(e * e)();
}
// (3.2) ∂J/∂ŷ = −(y − ŷ)
Matrix sse_gradient(const Matrix& y, const Matrix& yhat) { return -(y - yhat); }

// (2.4) Jₘ = (1/M) Σₖ (yₘₖ − ŷₘₖ)²
Matrix mse_sample_costs(const Matrix& y, const Matrix& yhat) {
  const Matrix e = y - yhat;
  return xt::sum(e * e / samples(y), {1}, xt::keep_dims | xt::evaluation_strategy::immediate);
}
double mse_J(const Matrix& y, const Matrix& yhat) {
  const Matrix e = y - yhat;
  return xt::sum(e * e)() / samples(y);
}
// (3.3) ∂J/∂ŷ = −(2/M)(y − ŷ)
Matrix mse_gradient(const Matrix& y, const Matrix& yhat) {
  return -(2.0 / samples(y)) * (y - yhat);
}

const Cost sse_entry{"sse", sse_sample_costs, sse_J, sse_gradient, Eq::sse_sample_cost,
                     Eq::sse_gradient};
const Cost mse_entry{"mse", mse_sample_costs, mse_J, mse_gradient, Eq::mse_sample_cost,
                     Eq::mse_gradient};

const std::array<const Cost*, 2> costs{&sse_entry, &mse_entry};

}  // namespace

const Cost& sse() { return sse_entry; }
const Cost& mse() { return mse_entry; }

std::span<const Cost* const> all_costs() { return costs; }

const Cost& cost_named(std::string_view name) {
  return find_named(all_costs(), name, "cost");
}

}  // namespace bpw
