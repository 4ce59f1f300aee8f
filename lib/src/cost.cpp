#include "bpw/cost.hpp"

#include <array>
#include <cmath>

#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>
#include <xtensor/xsort.hpp>

#include "named.hpp"

namespace bpw {
namespace {

const auto keep = xt::keep_dims | xt::evaluation_strategy::immediate;

double samples(const Matrix& y) { return static_cast<double>(y.shape(0)); }

// (2.3) Jₘ = ½ Σₖ (yₘₖ − ŷₘₖ)²
Matrix sse_sample_costs(const Matrix& y, const Matrix& yhat, const Matrix&) {
  const Matrix e = y - yhat;
  return xt::sum(0.5 * e * e, {1}, keep);
}
double sse_J(const Matrix& y, const Matrix& yhat, const Matrix&) {
  const Matrix e = y - yhat;
  return 0.5 * xt::sum(e * e)();
}
// (3.2) ∂J/∂ŷ = −(y − ŷ)
Matrix sse_gradient(const Matrix& y, const Matrix& yhat) { return -(y - yhat); }

// (2.4) Jₘ = (1/M) Σₖ (yₘₖ − ŷₘₖ)²
Matrix mse_sample_costs(const Matrix& y, const Matrix& yhat, const Matrix&) {
  const Matrix e = y - yhat;
  return xt::sum(e * e / samples(y), {1}, keep);
}
double mse_J(const Matrix& y, const Matrix& yhat, const Matrix&) {
  const Matrix e = y - yhat;
  return xt::sum(e * e)() / samples(y);
}
// (3.3) ∂J/∂ŷ = −(2/M)(y − ŷ)
Matrix mse_gradient(const Matrix& y, const Matrix& yhat) {
  return -(2.0 / samples(y)) * (y - yhat);
}

// ln(1 + eᶻ) without overflow: max(z, 0) + ln(1 + e^(−|z|)).
Matrix softplus(const Matrix& z) { return xt::maximum(z, 0.0) + xt::log1p(xt::exp(-xt::abs(z))); }

// (2.5) with ŷ = σ(z): −[y ln σ(z) + (1 − y) ln σ(−z)] = ln(1 + eᶻ) − y z, so
// that no ln 0 is taken even where σ(z) rounds to 0 or 1.
Matrix bce_sample_costs(const Matrix& y, const Matrix&, const Matrix& z) {
  return xt::sum(softplus(z) - y * z, {1}, keep);
}
double bce_J(const Matrix& y, const Matrix&, const Matrix& z) {
  return xt::sum(softplus(z) - y * z)();
}
// (3.8) ∂J/∂ŷ = (ŷ − y) / (ŷ (1 − ŷ))
Matrix bce_gradient(const Matrix& y, const Matrix& yhat) {
  return (yhat - y) / (yhat * (1.0 - yhat));
}

// (2.6) with ŷ = softmax(z): −Σₖ yₖ ln ŷₖ = Σₖ yₖ (lse(z) − zₖ), where
// lse(z) = max z + ln Σₖ e^(zₖ − max z) never overflows.
Matrix softmax_ce_sample_costs(const Matrix& y, const Matrix&, const Matrix& z) {
  const Matrix top = xt::amax(z, {1}, keep);
  const Matrix lse = top + xt::log(xt::sum(xt::exp(z - top), {1}, keep));
  return xt::sum(y * (lse - z), {1}, keep);
}
double softmax_ce_J(const Matrix& y, const Matrix& yhat, const Matrix& z) {
  return xt::sum(softmax_ce_sample_costs(y, yhat, z))();
}
// (3.9) ∂J/∂ŷ = −y / ŷ
Matrix softmax_ce_gradient(const Matrix& y, const Matrix& yhat) { return -y / yhat; }

const Cost sse_entry{"sse", sse_sample_costs, sse_J, sse_gradient, Eq::sse_sample_cost,
                     Eq::sse_gradient};
const Cost mse_entry{"mse", mse_sample_costs, mse_J, mse_gradient, Eq::mse_sample_cost,
                     Eq::mse_gradient};
const Cost bce_entry{"cross-entropy", bce_sample_costs, bce_J, bce_gradient,
                     Eq::bce_sample_cost, Eq::bce_gradient, "sigmoid", Targets::unit};
const Cost softmax_ce_entry{"softmax-cross-entropy", softmax_ce_sample_costs, softmax_ce_J,
                            softmax_ce_gradient, Eq::softmax_ce_sample_cost,
                            Eq::softmax_ce_gradient, "softmax", Targets::one_hot};

const std::array<const Cost*, 4> costs{&sse_entry, &mse_entry, &bce_entry, &softmax_ce_entry};

}  // namespace

const Cost& sse() { return sse_entry; }
const Cost& mse() { return mse_entry; }
const Cost& cross_entropy() { return bce_entry; }
const Cost& softmax_cross_entropy() { return softmax_ce_entry; }

std::span<const Cost* const> all_costs() { return costs; }

const Cost& cost_named(std::string_view name) { return find_named(all_costs(), name, "cost"); }

}  // namespace bpw
