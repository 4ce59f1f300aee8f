// The checker's side of an exercise: one case after another, the learner's
// answer compared with the library's, stopping at the first thing wrong, which
// is reported with the case's inputs, a named mistake when the answer matches
// one, the hints revealed so far and the command that reruns that case.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <xtensor/xexception.hpp>

#include "bpw/exercise.hpp"
#include "bpw/exercises.hpp"
#include "exercise_mistakes.hpp"

namespace bpw::exercise {

// An input shown at the position of a difference: "where z = 0.28".
struct Input {
  std::string_view symbol;
  const Matrix* values = nullptr;
};

// What a case gives the learner's function, shown in full when a case fails
// and the matrix is small (up to 4×4), so that it can be redone by hand.
struct Given {
  std::string symbol;
  Matrix value;
  bool number = false;  // a scalar such as η, shown as one number
};
Given given(std::string symbol, const Matrix& m);
Given given(std::string symbol, double v);

// What a comparison is of, when it is not the exercise's own result: "v after
// step 2", with the equation that defines it.
struct About {
  std::string symbol = {};
  Input where = {};
  std::optional<Eq> equation = {};
};

// The first thing wrong, with what is needed to report it.
struct Failure {
  int case_number = 0;
  std::string description;
  std::vector<Given> given;
  std::string message;
  std::string diagnosis;            // a named mistake, when the answer matches one
  std::optional<Eq> equation;       // the equation of what differed, if not the exercise's
  std::optional<Matrix> yours, expected;  // shown in full when small
};

class Check {
 public:
  // `returns` names what the learner's function returns, in messages: "f′(z)".
  explicit Check(std::string_view returns, RunOptions options = {})
      : returns_(returns), options_(options), lazy_source_(lazy_reduction_in(options.source)) {}

  // Starts the next case; the description says what the learner's function
  // gets, `inputs` are those inputs. Checkers go on starting cases after a
  // failure (they are counted, not run).
  void begin(std::string description, std::vector<Given> inputs = {});

  // Runs the learner's function on one case and compares its answer (a Matrix
  // or a number) with `expected`; false on the first thing wrong. `known` are
  // the case's named wrong variants.
  template <class Call, class Expected>
  bool answer(Call&& learner, const Expected& expected, Input input = {},
              const Knowns<Expected>& known = {}) {
    std::invoke_result_t<Call&> yours{};
    if (!call([&] { yours = learner(); })) return false;
    if constexpr (std::is_same_v<Expected, double>)
      return number(yours, expected, {}, known);
    else
      return matrix(yours, expected, {.where = input}, known);
  }

  // Runs the learner's code; an exception is a failure that names it. After a
  // failure, and in cases other than the one asked for, the learner's code is
  // not run, so that a later crash cannot hide the first mistake.
  template <class Call>
  bool call(Call&& learner) {
    if (!active()) return false;
    try {
      learner();
      return true;
    } catch (const xt::broadcast_error&) {
      return fail_threw(
          "two matrices of shapes that do not fit were combined element by element "
          "(+, −, * or / need equal shapes, or a 1×k row with an M×k matrix); "
          "print their shapes with bpw::to_string(bpw::shape_of(m))");
    } catch (const std::exception& e) {
      return fail_threw(e.what());
    } catch (...) {
      return fail_threw("");
    }
  }

  // Compares the learner's matrix (or number) with the reference; on a
  // difference, records the first and returns false.
  bool matrix(const Matrix& yours, const Matrix& expected, const About& about = {},
              const Knowns<Matrix>& known = {});
  bool number(double yours, double expected, const About& about = {},
              const Knowns<double>& known = {});

  // Whether the current case is run: nothing has failed, and it is the one
  // asked for (or every case is).
  bool active() const;
  bool failed() const { return failure_.has_value(); }
  int cases() const { return cases_; }
  const std::optional<Failure>& failure() const { return failure_; }
  // Prints the verdict for `exercise` and returns the exit status (0, 1, or 2
  // for a case that does not exist).
  int report(const Exercise& exercise) const;

 private:
  bool fail_threw(std::string_view what);
  bool fail(std::string message, const About& about = {}, std::string diagnosis = {});

  std::string_view returns_;
  RunOptions options_;
  int cases_ = 0;
  std::string description_;
  std::vector<Given> given_;
  std::optional<Failure> failure_;
  bool lazy_source_ = false;  // the learner's source has a lazy xtensor reduction
  double largest_difference_ = 0.0;
};

// The learner's function as one kind of Function, or null when it is another.
template <class F>
const F* as(const Function& learner) {
  return std::get_if<F>(&learner);
}

// A checker runs its exercise's cases; false when the learner's function is of
// another kind than the exercise asks for.
using Checker = std::function<bool(Check&, const Function&)>;

// Every exercise's checker by name, from the four files of cases.
const std::map<std::string_view, Checker>& checkers();
void add_forward_checkers(std::map<std::string_view, Checker>& table);
void add_delta_checkers(std::map<std::string_view, Checker>& table);
void add_learning_checkers(std::map<std::string_view, Checker>& table);
void add_training_checkers(std::map<std::string_view, Checker>& table);

}  // namespace bpw::exercise
