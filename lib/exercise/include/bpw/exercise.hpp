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
