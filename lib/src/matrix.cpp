#include "bpw/matrix.hpp"

#include <algorithm>
#include <cmath>

#include <xtensor-blas/xlinalg.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xreducer.hpp>

#include "bpw/errors.hpp"

namespace bpw {

Shape shape_of(const Matrix& m) { return {m.shape(0), m.shape(1)}; }

std::string to_string(Shape s) {
  return std::to_string(s.rows) + "×" + std::to_string(s.cols);
}

Matrix matmul(const Matrix& a, const Matrix& b) {
  if (a.shape(1) != b.shape(0))
    throw ShapeError("cannot multiply a " + to_string(shape_of(a)) + " matrix by a " +
                     to_string(shape_of(b)) + " matrix: the inner sizes differ");
  return xt::linalg::dot(a, b);
}

Matrix transpose(const Matrix& m) { return xt::transpose(m); }

Matrix sum_rows(const Matrix& m) {
  return xt::sum(m, {0}, xt::keep_dims | xt::evaluation_strategy::immediate);
}

double total(const Matrix& m) { return xt::sum(m)(); }

double frobenius_norm(const Matrix& m) { return std::sqrt(xt::sum(m * m)()); }

bool all_finite(const Matrix& m) {
  return std::all_of(m.begin(), m.end(), [](double v) { return std::isfinite(v); });
}

std::optional<Mismatch> first_mismatch(const Matrix& got, const Matrix& expected,
                                       double tolerance) {
  if (shape_of(got) != shape_of(expected))
    return Mismatch{true, got.shape(0), got.shape(1), 0.0, 0.0};
  for (std::size_t r = 0; r < got.shape(0); ++r)
    for (std::size_t c = 0; c < got.shape(1); ++c) {
      const double g = got(r, c), e = expected(r, c);
      if (!(std::abs(g - e) <= tolerance * std::max(1.0, std::abs(e))))
        return Mismatch{false, r, c, g, e};
    }
  return std::nullopt;
}

double max_abs_difference(const Matrix& got, const Matrix& expected) {
  if (shape_of(got) != shape_of(expected)) return INFINITY;
  return got.size() == 0 ? 0.0 : xt::amax(xt::abs(got - expected))();
}

}  // namespace bpw
