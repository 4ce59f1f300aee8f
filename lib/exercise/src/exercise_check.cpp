// Comparing a learner's answer with the workbook's, case by case, and naming
// the known mistake an answer matches.
#include "exercise_check.hpp"

#include <cmath>
#include <iostream>

#include <fmt/format.h>

namespace bpw::exercise {
namespace {

constexpr double tolerance = 1e-9;  // relative, as in first_mismatch

std::string value(double v) { return fmt::format("{:.10g}", v); }

// "row 2, column 3 (element (1, 2) in C++)": the book counts from 1, C++ from 0.
std::string position(std::size_t row, std::size_t col) {
  return fmt::format("row {}, column {} (element ({}, {}) in C++)", row + 1, col + 1, row, col);
}

// The known mistake the learner's answer matches; else, when the source keeps
// an xtensor reduction lazy, that pitfall, whose numbers cannot be predicted.
template <class T>
std::string diagnose(const T& yours, const Knowns<T>& known, bool lazy_source) {
  std::string found;
  for (const Known<T>& k : known)
    if (same_answer(yours, k.value())) {
      found = fmt::format("known mistake, {}: {}", mistake_name(k.mistake), k.look);
      break;
    }
  if (lazy_source)
    found += fmt::format("{}known mistake, {}: {}", found.empty() ? "" : "\n",
                         mistake_name(Mistake::lazy_reduction), lazy_reduction_look);
  return found;
}

}  // namespace

Given given(std::string symbol, const Matrix& m) { return {std::move(symbol), m, false}; }
Given given(std::string symbol, double v) { return {std::move(symbol), Matrix({{v}}), true}; }

bool Check::active() const {
  return !failed() && (options_.only_case == 0 || options_.only_case == cases_);
}

void Check::begin(std::string description, std::vector<Given> inputs) {
  ++cases_;
  if (!active()) return;
  description_ = std::move(description);
  given_ = std::move(inputs);
}

bool Check::fail(std::string message, const About& about, std::string diagnosis) {
  if (!failure_)
    failure_ = Failure{cases_, description_, given_, std::move(message), std::move(diagnosis),
                       about.equation, std::nullopt, std::nullopt};
  return false;
}

bool Check::fail_threw(std::string_view what) {
  if (what.empty()) return fail("your function threw something that is not a std::exception");
  return fail(fmt::format("your function threw an exception: {}", what));
}

bool Check::matrix(const Matrix& yours, const Matrix& expected, const About& about,
                   const Knowns<Matrix>& known) {
  if (!active()) return false;
  const std::string symbol = about.symbol.empty() ? std::string(returns_) : about.symbol;
  const Input input = about.where;
  const auto where = [&](std::size_t i, std::size_t j) {
    return input.values ? fmt::format(", where {} = {}", input.symbol, value((*input.values)(i, j)))
                        : std::string();
  };
  const auto wrong = [&](std::string message) {
    fail(std::move(message), about, diagnose(yours, known, lazy_source_));
    failure_->yours = yours;
    failure_->expected = expected;
    return false;
  };
  if (shape_of(yours) != shape_of(expected))
    return wrong(fmt::format("your {} is {}, expected {}", symbol, to_string(shape_of(yours)),
                             to_string(shape_of(expected))));
  for (std::size_t i = 0; i < yours.shape(0); ++i)
    for (std::size_t j = 0; j < yours.shape(1); ++j)
      if (!std::isfinite(yours(i, j)))
        return wrong(fmt::format("your {} has {} at {}{}; expected {}", symbol,
                                 std::isnan(yours(i, j)) ? "NaN" : "an infinity", position(i, j),
                                 where(i, j), value(expected(i, j))));
  if (const auto m = first_mismatch(yours, expected, tolerance))
    return wrong(fmt::format(
        "your {} differs first at {} of {}{}:\n    yours     {}\n    expected  {}", symbol,
        position(m->row, m->col), to_string(shape_of(expected)), where(m->row, m->col),
        value(m->got), value(m->expected)));
  if (yours.size() > 0)
    largest_difference_ = std::max(largest_difference_, max_abs_difference(yours, expected));
  return true;
}

bool Check::number(double yours, double expected, const About& about,
                   const Knowns<double>& known) {
  if (!active()) return false;
  const std::string symbol = about.symbol.empty() ? std::string(returns_) : about.symbol;
  if (!std::isfinite(yours))
    return fail(fmt::format("your {} is {}; expected {}", symbol,
                            std::isnan(yours) ? "NaN" : "an infinity", value(expected)),
                about, diagnose(yours, known, lazy_source_));
  if (std::abs(yours - expected) > tolerance * std::max(1.0, std::abs(expected)))
    return fail(fmt::format("your {} differs:\n    yours     {}\n    expected  {}", symbol,
                            value(yours), value(expected)),
                about, diagnose(yours, known, lazy_source_));
  largest_difference_ = std::max(largest_difference_, std::abs(yours - expected));
  return true;
}

const std::map<std::string_view, Checker>& checkers() {
  static const std::map<std::string_view, Checker> table = [] {
    std::map<std::string_view, Checker> all;
    add_forward_checkers(all);
    add_delta_checkers(all);
    add_learning_checkers(all);
    add_training_checkers(all);
    return all;
  }();
  return table;
}

int run(std::string_view name, Function learner, RunOptions options) {
  const auto exercise = exercise_named(name);
  const auto checker = checkers().find(name);
  if (!exercise || checker == checkers().end()) {
    std::cerr << "exercise: there is no exercise named '" << name
              << "'; `exercise list` shows them all\n";
    return 2;
  }
  Check check(exercise->returns, options);
  if (!checker->second(check, learner)) {
    std::cerr << "exercise " << name << ": the function's parameters differ from the exercise's; "
              << "put back the line `" << signature_line(*exercise) << "`\n";
    return 2;
  }
  return check.report(*exercise);
}

}  // namespace bpw::exercise
