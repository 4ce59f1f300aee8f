// The checker's side of an exercise: one case after another, the learner's
// answer compared with the library's, stopping at the first thing wrong.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <xtensor/xexception.hpp>

#include "bpw/exercise.hpp"
#include "bpw/exercises.hpp"

namespace bpw::exercise {

// An input shown at the position of a difference: "where z = 0.28".
struct Input {
  std::string_view symbol;
  const Matrix* values = nullptr;
};

class Check {
 public:
  // `returns` names what the learner's function returns, in messages: "f′(z)".
  explicit Check(std::string_view returns) : returns_(returns) {}

  // Starts the next case; the description says what the learner's function gets.
  // Checkers may go on starting cases after a failure: only the first counts.
  void begin(std::string description);

  // Runs the learner's function on one case and compares its answer (a Matrix
  // or a number) with `expected`; false on the first thing wrong.
  template <class Call, class Expected>
  bool answer(Call&& learner, const Expected& expected, Input input = {}) {
    std::invoke_result_t<Call&> yours{};
    if (!call([&] { yours = learner(); })) return false;
    if constexpr (std::is_same_v<Expected, double>)
      return number(yours, expected);
    else
      return matrix(yours, expected, {}, input);
  }

  // Runs the learner's code; an exception is a failure that names it. After a
  // failure the learner's code is not run again, so that a later crash cannot
  // hide the first mistake.
  template <class Call>
  bool call(Call&& learner) {
    if (failed()) return false;
    try {
      learner();
      return true;
    } catch (const xt::broadcast_error&) {
      return fail_threw(
          "two matrices of shapes that do not fit were combined element by element "
          "(+, −, * or / need equal shapes, or a 1×k row with an N×k matrix); "
          "print their shapes with bpw::to_string(bpw::shape_of(m))");
    } catch (const std::exception& e) {
      return fail_threw(e.what());
    } catch (...) {
      return fail_threw("");
    }
  }

  // Compares the learner's matrix (or number) with the reference; on a
  // difference, records the first and returns false. `symbol` names what is
  // compared when it is not the exercise's own result: "v after step 2".
  bool matrix(const Matrix& yours, const Matrix& expected, std::string_view symbol = {},
              Input input = {});
  bool number(double yours, double expected, std::string_view symbol = {});

  bool failed() const { return failure_.has_value(); }
  // Prints the verdict for `exercise` and returns the exit status (0 or 1).
  int report(const Exercise& exercise) const;

 private:
  bool fail_threw(std::string_view what);
  bool fail(std::string message);

  std::string_view returns_;
  int cases_ = 0;
  std::string description_;
  std::optional<std::string> failure_;
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

// Every exercise's checker by name: chapters 1–4 and chapters 5–10.
const std::map<std::string_view, Checker>& checkers();
void add_forward_checkers(std::map<std::string_view, Checker>& table);
void add_learning_checkers(std::map<std::string_view, Checker>& table);

}  // namespace bpw::exercise
