// The exercises: one function each for the learner to write, in book order. The
// starting file, the book's exercise sections and the checker's messages all
// come from this one table.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bpw/equations.hpp"

namespace bpw {

struct Exercise {
  std::string_view name;       // the function, its file and its check: "sigmoid_derivative"
  std::string_view folder;     // the chapter's folder: "03_output_delta"
  std::string_view title;      // "σ′, the slope of the sigmoid"
  Eq equation;                 // what the function computes
  std::string_view returns;    // the symbol it returns, for messages: "f′(z)"
  // Texts name other equations by key, ⟦weight_update⟧, for with_numbers().
  std::string_view statement;  // what to write
  std::string_view shapes;     // "z [N×k] in; f′(z) [N×k] out"
  std::string_view hint;       // a nudge, never the answer
  std::string_view signature;  // "Matrix sigmoid_derivative(const Matrix& z)"
  std::string_view start;      // the body the learner starts from (fails the check)
};

std::span<const Exercise> all_exercises();
std::optional<Exercise> exercise_named(std::string_view name);

// "3.2": the chapter's number and the exercise's place in it.
std::string exercise_number(const Exercise& e);
int chapter_of(const Exercise& e);

// "chapters/03_output_delta/exercises/sigmoid_derivative.cpp", from the source root.
std::string exercise_path(const Exercise& e);

// The exercise file as a learner first sees it: the statement, the equation, the
// shapes and the hint in a comment, the function with its starting body between
// the markers, and BPW_EXERCISE.
std::string starting_text(const Exercise& e);

// The signature on one line, for messages and the book.
std::string signature_line(const Exercise& e);

// The equation in the book's general form, "(3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))".
std::string equation_line(const Exercise& e);

}  // namespace bpw
