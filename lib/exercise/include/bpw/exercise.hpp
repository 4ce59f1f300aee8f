// What an exercise file includes: the matrix type, xtensor's element-wise maths,
// and BPW_EXERCISE, which turns the file into a program that checks the
// learner's function against the workbook's own on several networks.
#pragma once

#include <functional>
#include <string>
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

// Every kind of function an exercise asks for, by what it takes and returns.
using Elementwise = Matrix (*)(const Matrix&);                    // f′(z), Σₘ δ, softmax
using Pair = Matrix (*)(const Matrix&, const Matrix&);            // ∂J/∂ŷ, ∂J/∂W
using Triple = Matrix (*)(const Matrix&, const Matrix&, const Matrix&);  // z, δ⁽ᴸ⁾, δ⁽ˡ⁾
using Five = Matrix (*)(const Matrix&, const Matrix&, const Matrix&, const Matrix&,
                        const Matrix&);                           // ŷ of two layers
using Scaled = Matrix (*)(const Matrix&, const Matrix&, double);  // W − η∂J/∂W, + λW
using Scalar = double (*)(const Matrix&, const Matrix&);          // J, ρ, accuracy
using Momentum = void (*)(Matrix&, Matrix&, const Matrix&, double, double);
using Numerical = Matrix (*)(const CostOf&, const Matrix&, double);
using ListNorm = double (*)(const std::vector<Matrix>&);
using ListPenalty = double (*)(const std::vector<Matrix>&, double);
using Parameters = Matrix (*)(const std::vector<Matrix>&, const std::vector<Matrix>&);

using Function = std::variant<Elementwise, Pair, Triple, Five, Scaled, Scalar, Momentum,
                              Numerical, ListNorm, ListPenalty, Parameters>;

// How a check runs: the hints revealed so far are shown with a failure
// (`exercise hint` reveals them), and one case can be run alone (1-based; 0 runs all).
struct RunOptions {
  int hints = 0;
  int only_case = 0;
  std::string source = {};  // the learner's source, to recognise xtensor pitfalls in it
};

// Checks the learner's function for the exercise `name` and prints a pass or the
// first mismatch. Returns the program's exit status: 0 pass, 1 not yet, 2 when
// the exercise does not exist, takes another kind of function, or has no such case.
int run(std::string_view name, Function learner, RunOptions options = {});

// run() with its options from the command line of an exercise program:
// --hints N and --case K (what `exercise check` passes), and the source of the
// learner's file read from `file`. A bad argument: one line, status 2.
int run_from_command_line(std::string_view name, Function learner, int argc, char** argv,
                          const char* file = nullptr);

// What BPW_EXERCISE calls: a function whose parameters were changed stops the
// build with one sentence instead of the variant's every alternative.
template <class F>
int run_function(std::string_view name, F* learner, int argc, char** argv, const char* file) {
  constexpr bool known = std::is_constructible_v<Function, F*>;
  static_assert(known,
                "the exercise's function must keep the parameters and return type of its "
                "starting file; `exercise show NAME` prints them");
  if constexpr (known) return run_from_command_line(name, Function(learner), argc, argv, file);
  return 2;
}

}  // namespace bpw::exercise

// The last line of every exercise file: the program that checks `function`.
#define BPW_EXERCISE(function)                                                     \
  int main(int argc, char** argv) {                                                \
    return ::bpw::exercise::run_function(#function, &function, argc, argv, __FILE__); \
  }
