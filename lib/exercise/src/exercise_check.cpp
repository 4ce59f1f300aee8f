// Comparing a learner's answer with the workbook's, and wording the verdict.
#include "exercise_check.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "bpw/equations.hpp"

namespace bpw::exercise {
namespace {

constexpr double tolerance = 1e-9;  // relative, as in first_mismatch

std::string value(double v) { return fmt::format("{:.10g}", v); }

// "row 2, column 3 (element (1, 2) in C++)": the book counts from 1, C++ from 0.
std::string position(std::size_t row, std::size_t col) {
  return fmt::format("row {}, column {} (element ({}, {}) in C++)", row + 1, col + 1, row, col);
}

bool colour() { return isatty(STDOUT_FILENO) != 0; }

}  // namespace

void Check::begin(std::string description) {
  if (failed()) return;
  ++cases_;
  description_ = std::move(description);
}

bool Check::fail(std::string message) {
  if (!failure_) failure_ = fmt::format("case {}: {}\n{}", cases_, description_, message);
  return false;
}

bool Check::fail_threw(std::string_view what) {
  if (what.empty()) return fail("your function threw something that is not a std::exception");
  return fail(fmt::format("your function threw an exception: {}", what));
}

bool Check::matrix(const Matrix& yours, const Matrix& expected, std::string_view symbol,
                   Input input) {
  if (failed()) return false;
  if (symbol.empty()) symbol = returns_;
  const auto where = [&](std::size_t i, std::size_t j) {
    return input.values ? fmt::format(", where {} = {}", input.symbol, value((*input.values)(i, j)))
                        : std::string();
  };
  if (shape_of(yours) != shape_of(expected))
    return fail(fmt::format("your {} is {}, expected {}", symbol, to_string(shape_of(yours)),
                            to_string(shape_of(expected))));
  for (std::size_t i = 0; i < yours.shape(0); ++i)
    for (std::size_t j = 0; j < yours.shape(1); ++j)
      if (!std::isfinite(yours(i, j)))
        return fail(fmt::format("your {} has {} at {}{}; expected {}", symbol,
                                std::isnan(yours(i, j)) ? "NaN" : "an infinity", position(i, j),
                                where(i, j), value(expected(i, j))));
  if (const auto m = first_mismatch(yours, expected, tolerance))
    return fail(fmt::format("your {} differs first at {} of {}{}:\n    yours     {}\n    expected  {}",
                            symbol, position(m->row, m->col), to_string(shape_of(expected)),
                            where(m->row, m->col), value(m->got), value(m->expected)));
  if (yours.size() > 0)
    largest_difference_ = std::max(largest_difference_, max_abs_difference(yours, expected));
  return true;
}

bool Check::number(double yours, double expected, std::string_view symbol) {
  if (failed()) return false;
  if (symbol.empty()) symbol = returns_;
  if (!std::isfinite(yours))
    return fail(fmt::format("your {} is {}; expected {}", symbol,
                            std::isnan(yours) ? "NaN" : "an infinity", value(expected)));
  if (std::abs(yours - expected) > tolerance * std::max(1.0, std::abs(expected)))
    return fail(fmt::format("your {} differs:\n    yours     {}\n    expected  {}", symbol,
                            value(yours), value(expected)));
  largest_difference_ = std::max(largest_difference_, std::abs(yours - expected));
  return true;
}

int Check::report(const Exercise& exercise) const {
  const bool tty = colour();
  const std::string title =
      fmt::format("Exercise {}  {}", exercise_number(exercise), exercise.name);
  if (!failure_) {
    std::cout << (tty ? "\033[32m✓\033[0m " : "✓ ") << title << " passes: " << cases_
              << " cases agree with the workbook (largest difference "
              << fmt::format("{:.1e}", largest_difference_) << ")\n";
    return 0;
  }
  std::cout << (tty ? "\033[31m✗\033[0m " : "✗ ") << title << ": not yet\n";
  std::string indented = "  ";
  for (char c : *failure_) {
    indented += c;
    if (c == '\n') indented += "  ";
  }
  std::cout << indented << "\n"
            << "  " << equation_line(exercise) << "\n"
            << "  hint: " << with_numbers(exercise.hint) << "\n";
  return 1;
}

const std::map<std::string_view, Checker>& checkers() {
  static const std::map<std::string_view, Checker> table = [] {
    std::map<std::string_view, Checker> all;
    add_forward_checkers(all);
    add_learning_checkers(all);
    return all;
  }();
  return table;
}

int run(std::string_view name, Function learner) {
  const auto exercise = exercise_named(name);
  const auto checker = checkers().find(name);
  if (!exercise || checker == checkers().end()) {
    std::cerr << "exercise: there is no exercise named '" << name
              << "'; `exercise list` shows them all\n";
    return 2;
  }
  Check check(exercise->returns);
  if (!checker->second(check, learner)) {
    std::cerr << "exercise " << name << ": the function's parameters differ from the exercise's; "
              << "put back the line `" << signature_line(*exercise) << "`\n";
    return 2;
  }
  return check.report(*exercise);
}

}  // namespace bpw::exercise
