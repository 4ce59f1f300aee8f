#include "bpw/matrix.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <xtensor-blas/xblas.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xreducer.hpp>

#include "bpw/errors.hpp"

namespace bpw {

Shape shape_of(const Matrix& m) { return {m.shape(0), m.shape(1)}; }

std::string to_string(Shape s) { return fmt::format("{}×{}", s.rows, s.cols); }

void fit(Matrix& m, std::size_t rows, std::size_t cols) {
  // A moved-from xtensor keeps its shape but not its storage: both are asked.
  if (m.shape(0) != rows || m.shape(1) != cols || m.storage().size() != rows * cols)
    m.resize({rows, cols}, true);
}

Matrix& matmul_into(const Matrix& a, const Matrix& b, Matrix& out, bool transpose_a,
                    bool transpose_b) {
  const Shape left = transpose_a ? Shape{a.shape(1), a.shape(0)} : shape_of(a);
  const Shape right = transpose_b ? Shape{b.shape(1), b.shape(0)} : shape_of(b);
  if (left.cols != right.rows)
    throw ShapeError(fmt::format("cannot multiply a {} matrix by a {} matrix: the inner sizes differ",
                                 to_string(left), to_string(right)));
  fit(out, left.rows, right.cols);
  if (left.cols == 0) {
    out.fill(0.0);
  } else if (out.size() != 0) {
    xt::blas::gemm(a, b, out, transpose_a, transpose_b);
  }
  return out;
}

Matrix matmul(const Matrix& a, const Matrix& b) {
  Matrix out;
  return matmul_into(a, b, out);
}

Matrix transpose(const Matrix& m) { return xt::transpose(m); }

Matrix& sum_rows_into(const Matrix& m, Matrix& out) {
  fit(out, 1, m.shape(1));
  out.fill(0.0);
  for (std::size_t r = 0; r < m.shape(0); ++r)
    for (std::size_t c = 0; c < m.shape(1); ++c) out(0, c) += m(r, c);
  return out;
}

Matrix sum_rows(const Matrix& m) {
  Matrix out;
  return sum_rows_into(m, out);
}

namespace {

void require_same_shape(const Matrix& a, const Matrix& b) {
  if (shape_of(a) != shape_of(b))
    throw ShapeError(fmt::format("cannot combine a {} matrix with a {} matrix element by element",
                                 to_string(shape_of(a)), to_string(shape_of(b))));
}

// out[i] = op(a[i], b[i]) over the elements, as one plain loop the compiler
// vectorises; the training loop's element-wise steps run through here.
template <class Op>
Matrix& elementwise_into(const Matrix& a, const Matrix& b, Matrix& out, Op op) {
  require_same_shape(a, b);
  fit(out, a.shape(0), a.shape(1));
  const double* x = a.data();
  const double* y = b.data();
  double* o = out.data();
  for (std::size_t i = 0, n = a.size(); i < n; ++i) o[i] = op(x[i], y[i]);
  return out;
}

}  // namespace

Matrix& product_into(const Matrix& a, const Matrix& b, Matrix& out) {
  return elementwise_into(a, b, out, [](double x, double y) { return x * y; });
}

Matrix& difference_into(const Matrix& a, const Matrix& b, Matrix& out) {
  return elementwise_into(a, b, out, [](double x, double y) { return x - y; });
}

Matrix& combine(Matrix& m, double s, double t, const Matrix& n) {
  return elementwise_into(m, n, m, [s, t](double x, double y) { return s * x + t * y; });
}

// With AVX2, four products at a time: this is the (5.4) pass of every
// training step over the averaged gradient.
[[gnu::target_clones("avx2", "default")]] Matrix& scale(Matrix& m, double s) {
  for (double& v : m.storage()) v *= s;
  return m;
}

Matrix& add_into(Matrix& m, const Matrix& n) {
  return elementwise_into(m, n, m, [](double x, double y) { return x + y; });
}

[[gnu::target_clones("avx2", "default")]] Matrix& scale_and_add(Matrix& g, double s, Matrix& m) {
  require_same_shape(g, m);
  double* step = g.data();
  double* to = m.data();
  for (std::size_t i = 0, n = g.size(); i < n; ++i) to[i] += step[i] *= s;
  return g;
}

Matrix& add_row(Matrix& m, const Matrix& row) {
  if (row.shape(0) != 1 || row.shape(1) != m.shape(1))
    throw ShapeError(fmt::format("cannot add a {} row to every row of a {} matrix",
                                 to_string(shape_of(row)), to_string(shape_of(m))));
  const std::size_t k = m.shape(1);
  for (std::size_t r = 0; r < m.shape(0); ++r) {
    double* to = m.data() + r * k;
    for (std::size_t c = 0; c < k; ++c) to[c] += row.data()[c];
  }
  return m;
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
