#include "bpw/cost.hpp"

#include <array>
#include <cmath>

#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xreducer.hpp>
#include <xtensor/xsort.hpp>

#include "bpw/named.hpp"

namespace bpw {
namespace {

const auto keep = xt::keep_dims | xt::evaluation_strategy::immediate;

double samples(const Matrix& y) { return static_cast<double>(y.shape(0)); }

// Σₖ of each row of an expression, into J_m [M x 1].
Matrix& row_sums(const auto& expression, Matrix& J_m) {
  const Matrix terms = expression;
  fit(J_m, terms.shape(0), 1);
  for (std::size_t m = 0; m < terms.shape(0); ++m) {
    double sum = 0;
    for (std::size_t k = 0; k < terms.shape(1); ++k) sum += terms(m, k);
    J_m(m, 0) = sum;
  }
  return J_m;
}

Matrix& gradient_into(Matrix& dJ_dyhat, const Matrix& y, const auto& expression) {
  fit(dJ_dyhat, y.shape(0), y.shape(1));
  xt::noalias(dJ_dyhat) = expression;
  return dJ_dyhat;
}

// (2.3) Jₘ = ½ Σₖ eₘₖ²
Matrix& sse_error_costs(const Matrix& e, Matrix& J_m) { return row_sums(0.5 * xt::square(e), J_m); }
Matrix& sse_sample_costs(const Matrix& y, const Matrix& yhat, const Matrix&, Matrix& J_m) {
  return sse_error_costs(y - yhat, J_m);
}
// (3.2) ∂J/∂ŷ = −(y − ŷ)
Matrix& sse_gradient(const Matrix& y, const Matrix& yhat, Matrix& out) {
  return gradient_into(out, y, -(y - yhat));
}

// (2.4) Jₘ = (1/M) Σₖ eₘₖ²
Matrix& mse_error_costs(const Matrix& e, Matrix& J_m) {
  return row_sums(xt::square(e) / samples(e), J_m);
}
Matrix& mse_sample_costs(const Matrix& y, const Matrix& yhat, const Matrix&, Matrix& J_m) {
  return mse_error_costs(y - yhat, J_m);
}
// (3.3) ∂J/∂ŷ = −(2/M)(y − ŷ)
Matrix& mse_gradient(const Matrix& y, const Matrix& yhat, Matrix& out) {
  return gradient_into(out, y, -(2.0 / samples(y)) * (y - yhat));
}

// (2.5) with ŷ = σ(z): −[y ln σ(z) + (1 − y) ln σ(−z)] = ln(1 + eᶻ) − y z, with
// ln(1 + eᶻ) = max(z, 0) + ln(1 + e^(−|z|)), so that no ln 0 is taken even
// where σ(z) rounds to 0 or 1.
Matrix& bce_sample_costs(const Matrix& y, const Matrix&, const Matrix& z, Matrix& J_m) {
  return row_sums(xt::maximum(z, 0.0) + xt::log1p(xt::exp(-xt::abs(z))) - y * z, J_m);
}
// (3.8) ∂J/∂ŷ = (ŷ − y) / (ŷ (1 − ŷ))
Matrix& bce_gradient(const Matrix& y, const Matrix& yhat, Matrix& out) {
  return gradient_into(out, y, (yhat - y) / (yhat * (1.0 - yhat)));
}

// (2.6) with ŷ = softmax(z): −Σₖ yₖ ln ŷₖ = Σₖ yₖ (lse(z) − zₖ), where
// lse(z) = max z + ln Σₖ e^(zₖ − max z) never overflows.
Matrix& softmax_ce_sample_costs(const Matrix& y, const Matrix&, const Matrix& z, Matrix& J_m) {
  const Matrix top = xt::amax(z, {1}, keep);
  const Matrix lse = top + xt::log(xt::sum(xt::exp(z - top), {1}, keep));
  return row_sums(y * (lse - z), J_m);
}
// (3.9) ∂J/∂ŷ = −y / ŷ
Matrix& softmax_ce_gradient(const Matrix& y, const Matrix& yhat, Matrix& out) {
  return gradient_into(out, y, -y / yhat);
}

const Cost sse_entry{"sse", Eq::sse_sample_cost, Eq::sse_gradient, sse_sample_costs, sse_gradient,
                     {}, Targets::any, sse_error_costs};
const Cost mse_entry{"mse", Eq::mse_sample_cost, Eq::mse_gradient, mse_sample_costs, mse_gradient,
                     {}, Targets::any, mse_error_costs, true};
const Cost bce_entry{"cross-entropy", Eq::bce_sample_cost, Eq::bce_gradient, bce_sample_costs,
                     bce_gradient, "sigmoid", Targets::unit};
const Cost softmax_ce_entry{"softmax-cross-entropy", Eq::softmax_ce_sample_cost,
                            Eq::softmax_ce_gradient, softmax_ce_sample_costs, softmax_ce_gradient,
                            "softmax", Targets::one_hot};

const std::array<const Cost*, 4> costs{&sse_entry, &mse_entry, &bce_entry, &softmax_ce_entry};

}  // namespace

Matrix Cost::sample_costs(const Matrix& y, const Matrix& yhat, const Matrix& z) const {
  Matrix J_m;
  return sample_costs_into(y, yhat, z, J_m);
}

Matrix Cost::dJ_dyhat(const Matrix& y, const Matrix& yhat) const {
  Matrix out;
  return gradient_into(y, yhat, out);
}

double Cost::J(const Matrix& y, const Matrix& yhat, const Matrix& z) const {
  return total(sample_costs(y, yhat, z));
}

Matrix& matched_output_delta(const Matrix& yhat, const Matrix& y, Matrix& delta) {
  fit(delta, y.shape(0), y.shape(1));
  xt::noalias(delta) = yhat - y;
  return delta;
}

double J_by_sums(const Cost& cost, const Matrix& y, const Matrix& yhat) {
  const double M = samples(y);
  const auto y_ln = [](double t, double p) { return t == 0.0 ? 0.0 : t * std::log(p); };
  double J = 0;
  for (std::size_t m = 0; m < y.shape(0); ++m)
    for (std::size_t k = 0; k < y.shape(1); ++k) {
      const double t = y(m, k), p = yhat(m, k);
      switch (cost.sample_equation) {
        case Eq::sse_sample_cost: J += 0.5 * (t - p) * (t - p); break;
        case Eq::mse_sample_cost: J += (t - p) * (t - p) / M; break;
        case Eq::bce_sample_cost: J -= y_ln(t, p) + y_ln(1.0 - t, 1.0 - p); break;
        default: J -= y_ln(t, p); break;
      }
    }
  return J;
}

const Cost& sse() { return sse_entry; }
const Cost& mse() { return mse_entry; }
const Cost& cross_entropy() { return bce_entry; }
const Cost& softmax_cross_entropy() { return softmax_ce_entry; }

std::span<const Cost* const> all_costs() { return costs; }

const Cost& cost_named(std::string_view name) { return find_named(all_costs(), name, "cost"); }

}  // namespace bpw
