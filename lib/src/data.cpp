#include "bpw/data.hpp"

#include <string>

#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>

#include "bpw/equations.hpp"
#include "bpw/errors.hpp"
#include "bpw/network.hpp"

namespace bpw {
namespace {

std::string equation_at(Eq id, const Network& network, int l) {
  const Equation& e = equation(id);
  const LayerContext at{l, network.L(), network.layer(l == network.L() ? l - 1 : l).has_bias};
  return "(" + std::string(e.number) + ") " + render(e.text, Notation::unicode, at);
}

}  // namespace

Dataset sleep_study() {
  const Matrix hours = {{3, 5}, {5, 1}, {10, 2}};  // hours of sleep, hours of study
  const Matrix score = {{75}, {82}, {93}};         // test score out of 100
  const Matrix column_max = xt::amax(hours, {0}, xt::keep_dims | xt::evaluation_strategy::immediate);
  return {hours / column_max, score / 100.0};
}

void check_fits(const Network& network, const Dataset& data) {
  const Shape X = shape_of(data.X), y = shape_of(data.y);
  const Shape W1 = shape_of(network.layer(1).W);
  const std::size_t outputs = network.sizes().back();

  if (X.rows == 0 || X.cols == 0)
    throw ShapeError("the data has no samples: X is " + to_string(X) +
                     "; give X at least one row");
  if (X.cols != W1.rows)
    throw ShapeError(equation_at(Eq::weighted_input, network, 1) + ": X is " + to_string(X) +
                     " but W⁽¹⁾ is " + to_string(W1) + "; X needs " + std::to_string(W1.rows) +
                     " columns (one per input) or W⁽¹⁾ " + std::to_string(X.cols) + " rows");
  if (y != Shape{X.rows, outputs})
    throw ShapeError(equation_at(Eq::output_error, network, network.L()) + ": y is " +
                     to_string(y) + " but ŷ is " + to_string({X.rows, outputs}) +
                     "; y needs one row per sample of X and one column per output");
  if (!all_finite(data.X))
    throw UsageError("X contains NaN or infinity; every input must be a finite number");
  if (!all_finite(data.y))
    throw UsageError("y contains NaN or infinity; every target must be a finite number");
}

}  // namespace bpw
