// The exercises: one function each for the learner to write, in book order. The
// starting file, the book's exercise sections and the checker's messages all
// come from this one table.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/equations.hpp"

namespace bpw {

// Hints are revealed one at a time (`exercise hint NAME`), the last nearly the answer.
inline constexpr std::size_t hints_per_exercise = 3;

struct Exercise {
  std::string_view name;       // the function, its file and its check: "sigmoid_derivative"
  std::string_view folder;     // the chapter's folder: "03_output_delta"
  std::string_view title;      // "σ′, the slope of the sigmoid"
  Eq equation;                 // what the function computes
  std::optional<Eq> also = {};  // a second equation it computes: W after v in a momentum step
  std::string_view returns;    // the symbol it returns, for messages: "f′(z)"
  // Texts name equations by key, ⟦weight_update⟧, for with_numbers().
  std::string_view statement;  // what to write
  std::string_view shapes;     // "z [M×k] in; f′(z) [M×k] out"
  std::array<std::string_view, hints_per_exercise> hints;  // a nudge first, nearly the answer last
  std::string_view signature;  // "Matrix sigmoid_derivative(const Matrix& z)"
  std::string_view start;      // the body the learner starts from (fails the check)
  std::string_view note = {};  // a pitfall the book and `exercise show` explain
};

std::span<const Exercise> all_exercises();
std::optional<Exercise> exercise_named(std::string_view name);

// "3-A": the chapter's number and a letter for the exercise's place in it, so
// that no label reads like an equation number.
std::string exercise_label(const Exercise& e);
// The exercise a label names, in either case: "3-a" is 3-A.
std::optional<Exercise> exercise_labelled(std::string_view label);
int chapter_of(const Exercise& e);

// "chapters/03_output_delta/exercises/sigmoid_derivative.cpp", from the source root.
std::string exercise_path(const Exercise& e);

// The exercise file as a learner first sees it: the statement, the equation and
// the shapes in a comment, how to get hints, the function with its starting
// body between the markers, and BPW_EXERCISE.
std::string starting_text(const Exercise& e);

// The signature on one line, for messages and the book.
std::string signature_line(const Exercise& e);

// An equation in the book's general form, "(3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))".
std::string equation_line(Eq id);
// The exercise's equations, its own first.
std::vector<Eq> equations_of(const Exercise& e);

// Hint `n` (1-based) with its equation keys replaced by numbers.
std::string hint_text(const Exercise& e, std::size_t n);

}  // namespace bpw
