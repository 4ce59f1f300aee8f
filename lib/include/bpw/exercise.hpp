// What an exercise file includes: the matrix type, xtensor's element-wise maths,
// and BPW_EXERCISE, which turns the file into a program that checks the
// learner's function against the workbook's own on several networks.
#pragma once

#include <functional>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <xtensor/xbuilder.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "bpw/matrix.hpp"

namespace bpw::exercise {

// J as a function of one matrix of parameters, the others held fixed (chapter 7).
using CostOf = std::function<double(const Matrix&)>;

// Every shape of function an exercise asks for.
using Function = std::variant<
    Matrix (*)(const Matrix&),
    Matrix (*)(const Matrix&, const Matrix&),
    Matrix (*)(const Matrix&, const Matrix&, const Matrix&),
    Matrix (*)(const Matrix&, const Matrix&, const Matrix&, const Matrix&, const Matrix&),
    Matrix (*)(const Matrix&, const Matrix&, double),
    double (*)(const Matrix&, const Matrix&),
    void (*)(Matrix&, Matrix&, const Matrix&, double, double),
    Matrix (*)(const CostOf&, const Matrix&, double),
    double (*)(const std::vector<Matrix>&),
    double (*)(const std::vector<Matrix>&, double),
    Matrix (*)(const std::vector<Matrix>&, const std::vector<Matrix>&)>;

// Checks the learner's function for the exercise `name` and prints a pass or the
// first mismatch. Returns the program's exit status: 0 pass, 1 not yet, 2 when
// the exercise does not exist or takes another kind of function.
int run(std::string_view name, Function learner);

// What BPW_EXERCISE calls: a function whose parameters were changed stops the
// build with one sentence instead of the variant's every alternative.
template <class F>
int run_function(std::string_view name, F* learner) {
  constexpr bool known = std::is_constructible_v<Function, F*>;
  static_assert(known,
                "the exercise's function must keep the parameters and return type of its "
                "starting file; `exercise show NAME` prints them");
  if constexpr (known) return run(name, Function(learner));
  return 2;
}

}  // namespace bpw::exercise

// The last line of every exercise file: the program that checks `function`.
#define BPW_EXERCISE(function) \
  int main() { return ::bpw::exercise::run_function(#function, &function); }
