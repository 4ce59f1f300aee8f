// The one matrix type of the workbook, and the few operations on it that need
// BLAS. Samples are rows: a data set of M samples with n features is [M x n].
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <xtensor/xtensor.hpp>

namespace bpw {

using Matrix = xt::xtensor<double, 2>;

struct Shape {
  std::size_t rows = 0;
  std::size_t cols = 0;
  friend bool operator==(const Shape&, const Shape&) = default;
};

Shape shape_of(const Matrix& m);

// "3×2", as the trace prints it.
std::string to_string(Shape s);

// [r x n] = [r x k] · [k x n], through BLAS (xtensor-blas). Throws ShapeError
// when the inner dimensions differ.
Matrix matmul(const Matrix& a, const Matrix& b);

// op(a) · op(b) into `out`, through BLAS without allocating once `out` has its
// shape; op transposes when asked. Throws ShapeError when the sizes do not fit.
Matrix& matmul_into(const Matrix& a, const Matrix& b, Matrix& out, bool transpose_a = false,
                    bool transpose_b = false);

// Gives m the shape rows × cols unless it has it already; its values are then
// whatever they were (a buffer about to be overwritten).
void fit(Matrix& m, std::size_t rows, std::size_t cols);

// [n x m] = [m x n]ᵀ, materialised.
Matrix transpose(const Matrix& m);

// Σ over the rows, keeping a [1 x n] row: the sum over samples; the second
// form writes it into `out` and returns it.
Matrix sum_rows(const Matrix& m);
Matrix& sum_rows_into(const Matrix& m, Matrix& out);

// Element-wise arithmetic into a buffer, each returning the buffer it wrote:
// out = a ⊙ b and out = a − b; in place m ← s·m + t·n, m ← s·m and m ← m + n.
Matrix& product_into(const Matrix& a, const Matrix& b, Matrix& out);
Matrix& difference_into(const Matrix& a, const Matrix& b, Matrix& out);
Matrix& combine(Matrix& m, double s, double t, const Matrix& n);
Matrix& scale(Matrix& m, double s);
Matrix& add_into(Matrix& m, const Matrix& n);
// g ← s·g, then m ← m + g, in one pass over both: a step scaled and taken at
// once. Returns g, the step.
Matrix& scale_and_add(Matrix& g, double s, Matrix& m);
// m ← m + row: the [1 x n] row added to every row of m (a bias to every sample).
Matrix& add_row(Matrix& m, const Matrix& row);

// Σ of every element (named so that it never meets xt::sum through ADL).
double total(const Matrix& m);
double frobenius_norm(const Matrix& m);
bool all_finite(const Matrix& m);

// The first element where |got - expected| > tolerance · max(1, |expected|),
// or where the shapes differ (row and col are then the shapes' sizes).
struct Mismatch {
  bool shape_differs = false;
  std::size_t row = 0;
  std::size_t col = 0;
  double got = 0;
  double expected = 0;
};
std::optional<Mismatch> first_mismatch(const Matrix& got, const Matrix& expected,
                                       double tolerance);

// max |got - expected| over all elements (shapes must agree).
double max_abs_difference(const Matrix& got, const Matrix& expected);

}  // namespace bpw
