#include "bpw/fit.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>
#include <xtensor/xbuilder.hpp>

#include "bpw/equations.hpp"
#include "bpw/errors.hpp"
#include "bpw/limits.hpp"

namespace bpw {
namespace {

std::string plain(double v) { return fmt::format("{}", v); }

// "(1.1) z⁽²⁾ = X W⁽¹⁾", or its column twin "(1.1) Z⁽²⁾ = W⁽¹⁾ X".
std::string equation_at(Eq id, const Network& network, int l, Layout layout) {
  const Equation& e = equation(id);
  const bool columns = layout == Layout::columns;
  const LayerContext at{l, network.L(), network.layer(l == network.L() ? l - 1 : l).has_bias, columns};
  return "(" + std::string(e.number) + ") " + render(text_of(e, columns), Notation::unicode, at);
}

// A shape as the user wrote it: transposed when samples are columns.
std::string written(Shape s, Layout layout) {
  return layout == Layout::columns ? to_string({s.cols, s.rows}) : to_string(s);
}


std::string row_text(const Matrix& y, std::size_t r) {
  std::string out = "[";
  for (std::size_t c = 0; c < y.shape(1); ++c) out += (c ? ", " : "") + plain(y(r, c));
  return out + "]";
}

// Class indices 0 … k−1 in a single column become one-hot rows; one-hot rows
// stay as they are; anything else is refused, naming the row.
Matrix one_hot_targets(const Matrix& y, std::size_t classes) {
  if (y.shape(1) == 1 && classes > 1) {
    Matrix out = xt::zeros<double>({y.shape(0), classes});
    for (std::size_t m = 0; m < y.shape(0); ++m) {
      const double k = y(m, 0);
      if (k != std::floor(k) || k < 0 || k >= static_cast<double>(classes))
        throw UsageError("softmax-cross-entropy targets given as class indices must be whole "
                         "numbers from 0 to " + std::to_string(classes - 1) + "; row " +
                         std::to_string(m + 1) + " of y is " + row_text(y, m));
      out(m, static_cast<std::size_t>(k)) = 1.0;
    }
    return out;
  }
  for (std::size_t m = 0; m < y.shape(0); ++m) {
    double ones = 0, others = 0;
    for (std::size_t c = 0; c < y.shape(1); ++c) {
      if (y(m, c) == 1.0) ++ones;
      else if (y(m, c) != 0.0) ++others;
    }
    if (ones != 1 || others != 0)
      throw UsageError("softmax-cross-entropy targets must be one-hot rows (a single 1, the rest "
                       "0) or class indices; row " + std::to_string(m + 1) + " of y is " +
                       row_text(y, m));
  }
  return y;
}

}  // namespace

Dataset fit_data(const Network& network, Dataset data, Layout layout) {
  const std::vector<std::size_t> sizes = network.sizes();
  const std::size_t outputs = sizes.back(), widest = *std::max_element(sizes.begin(), sizes.end());
  // Each layer's activations for the whole data set are one matrix (the traces,
  // the evaluation after each epoch): checked before the one-hot targets are made.
  if (limits::product(samples(data), widest) > limits::values)
    throw UsageError(limits::grouped(samples(data)) + " samples through a layer of " +
                     limits::grouped(widest) + " units make more than the " +
                     limits::grouped(limits::values) + " numbers the workbook takes in one matrix " +
                     "(see Limits in the README); use fewer samples or a narrower network");
  if (network.cost().targets == Targets::one_hot && all_finite(data.y))
    data.y = one_hot_targets(data.y, outputs);
  const Shape X{samples(data), features(data)}, y = shape_of(data.y);
  const Shape W1 = shape_of(network.layer(1).W);

  if (X.rows == 0 || X.cols == 0)
    throw ShapeError("the data has no samples: X is " + to_string(X) +
                     "; give X at least one row");
  const bool columns = layout == Layout::columns;
  const std::string across = columns ? " rows" : " columns", down = columns ? " columns" : " rows";
  if (X.cols != W1.rows)
    throw ShapeError(equation_at(Eq::weighted_input, network, 1, layout) + ": X is " + written(X, layout) +
                     " but W⁽¹⁾ is " + written(W1, layout) + "; X needs " + std::to_string(W1.rows) +
                     across + " (one per input) or W⁽¹⁾ " + std::to_string(X.cols) + down);
  if (y != Shape{X.rows, outputs})
    throw ShapeError(equation_at(Eq::output_error, network, network.L(), layout) + ": y is " +
                     written(y, layout) + " but ŷ is " + written({X.rows, outputs}, layout) +
                     "; y needs one" + down.substr(0, down.size() - 1) + " per sample of X and one" +
                     across.substr(0, across.size() - 1) + " per output");
  if (!all_finite(data.X))
    throw UsageError("X contains NaN or infinity; every input must be a finite number");
  if (!all_finite(data.y))
    throw UsageError("y contains NaN or infinity; every target must be a finite number");
  if (network.cost().targets == Targets::unit)
    for (std::size_t i = 0; i < data.y.size(); ++i)
      if (data.y.flat(i) < 0 || data.y.flat(i) > 1)
        throw UsageError(std::string(network.cost().name) + " targets must lie in [0, 1], as "
                         "probabilities do; y[" + std::to_string(i / y.cols + 1) + "][" +
                         std::to_string(i % y.cols + 1) + "] is " + plain(data.y.flat(i)));
  return data;
}

}  // namespace bpw
