#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include <bpw/exercise.hpp>
#include <bpw/exercises.hpp>

using namespace bpw;

namespace {

// What run() prints, and its exit status.
struct Verdict {
  int status;
  std::string out, err;
};

Verdict checked(std::string_view name, exercise::Function f) {
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  const int status = exercise::run(name, f);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {status, out.str(), err.str()};
}

std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Matrix right_slope(const Matrix& z) {
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return s * (1.0 - s);
}
Matrix slope_with_sign_wrong(const Matrix& z) {
  const Matrix s = 1.0 / (1.0 + xt::exp(-z));
  return s * (1.0 + s);
}
// Right only on the first case the checker tries (z is 1×1): a hard-coded answer.
Matrix slope_of_first_case_only(const Matrix& z) {
  return xt::zeros_like(z) + 0.2452288986367713;
}
// Right, but laid out as one column: the same as the right answer while z is 1×1.
Matrix slope_as_column(const Matrix& z) {
  Matrix s = right_slope(z);
  s.reshape({s.size(), std::size_t{1}});
  return s;
}
Matrix slope_of_nan(const Matrix& z) {
  Matrix s = right_slope(z);
  s(0, 0) = std::nan("");
  return s;
}
Matrix slope_that_throws(const Matrix&) { throw std::out_of_range("row 7 of 4"); }
Matrix slope_of_unfitting_shapes(const Matrix& z) {
  const Matrix rows = xt::ones<double>({2, 3}), columns = xt::ones<double>({3, 2});
  return z + rows * columns;
}
int calls = 0;
Matrix counted_wrong_slope(const Matrix& z) {
  ++calls;
  return slope_with_sign_wrong(z);
}
double not_a_slope(const Matrix&, const Matrix&) { return 0.0; }

}  // namespace

TEST_CASE("there are 2 or 3 exercises in every chapter, 15 or more in all, in book order",
          "[exercises]") {
  std::map<int, int> per_chapter;
  std::set<std::string_view> names;
  int previous = 0;
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    CHECK(names.insert(e.name).second);
    CHECK(std::regex_match(std::string(e.name), std::regex("[a-z][a-z0-9_]*")));
    CHECK(chapter_of(e) >= previous);
    previous = chapter_of(e);
    ++per_chapter[chapter_of(e)];
  }
  CHECK(all_exercises().size() >= 15);
  CHECK(per_chapter.size() == 10);
  for (const auto& [chapter, count] : per_chapter) {
    INFO("chapter " << chapter);
    CHECK(count >= 2);
    CHECK(count <= 3);
  }
  CHECK(exercise_number(*exercise_named("output_delta")) == "3.2");
  CHECK(exercise_path(*exercise_named("output_delta")) == "chapters/03_output_delta/exercises/output_delta.cpp");
}

TEST_CASE("exercise texts name equations by key, never by a number written by hand", "[exercises]") {
  const std::regex hand_number(R"(\(\d+\.\d+\))");
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    for (std::string_view text : {e.statement, e.hint, e.start, e.shapes, e.title}) {
      CHECK_FALSE(std::regex_search(std::string(text), hand_number));
      CHECK_NOTHROW(with_numbers(text));
    }
    CHECK_FALSE(equation(e.equation).number.empty());
  }
  CHECK(with_numbers("by ⟦momentum_velocity⟧, then ⟦momentum_update⟧") == "by (6.5), then (6.6)");
  CHECK_THROWS_AS(with_numbers("⟦no_such_equation⟧"), std::logic_error);
}

TEST_CASE("a starting file states the exercise, its equation, shapes and hint, in 80 columns "
          "of comment and 100 of code",
          "[exercises]") {
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    const std::string text = starting_text(e);
    CHECK(text.starts_with("// Exercise " + exercise_number(e) + ": "));
    CHECK(text.find(equation_line(e)) != std::string::npos);
    CHECK(text.find("// Shapes: ") != std::string::npos);
    CHECK(text.find("// Hint: ") != std::string::npos);
    CHECK(text.find(std::string(e.signature) + "\n{\n  // ---- your code below ----\n") != std::string::npos);
    CHECK(text.ends_with("  // ---- your code above ----\n}\n\nBPW_EXERCISE(" + std::string(e.name) + ")\n"));
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(columns(line) <= (line.starts_with("//") ? 80 : 100));
    }
  }
  // The hint's later lines hang under its first word.
  CHECK(starting_text(*exercise_named("network_output")).find("// Hint: Write four lines:") != std::string::npos);
}

TEST_CASE("every chapter page ends with its exercises, from the registry", "[exercises][book]") {
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    std::ifstream in(std::filesystem::path(BPW_SOURCE_DIR) / "chapters" / std::string(e.folder) /
                     "README.md");
    std::stringstream page;
    page << in.rdbuf();
    CHECK(page.str().ends_with("## Exercises\n\n{{exercises}}\n"));
  }
  CHECK(signature_line(*exercise_named("network_output")) ==
        "Matrix network_output(const Matrix& X, const Matrix& W1, const Matrix& b1, "
        "const Matrix& W2, const Matrix& b2)");
}

TEST_CASE("the checker passes a right answer and says how close it came", "[exercises][checker]") {
  const Verdict v = checked("sigmoid_derivative", &right_slope);
  CHECK(v.status == 0);
  CHECK(v.out.starts_with("✓ Exercise 3.1  sigmoid_derivative passes: 10 cases agree"));
  CHECK(v.err.empty());
}

TEST_CASE("the checker shows the first wrong element with both values, the equation and the hint",
          "[exercises][checker]") {
  const Verdict v = checked("sigmoid_derivative", &slope_with_sign_wrong);
  CHECK(v.status == 1);
  // z = 0.2780706694 in the first case: σ = 0.56907, σ(1 − σ) = 0.24523, σ(1 + σ) = 0.89292.
  CHECK(v.out.find("your f′(z) differs first at row 1, column 1 (element (0, 0) in C++) of 1×1, "
                   "where z = 0.2780706694") != std::string::npos);
  CHECK(v.out.find("yours     0.8929174204") != std::string::npos);
  CHECK(v.out.find("expected  0.2452288986") != std::string::npos);
  CHECK(v.out.find("(3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))") != std::string::npos);
  CHECK(v.out.find("hint: Compute s = σ(z) once") != std::string::npos);
}

TEST_CASE("after the first mistake the learner's function is not run again", "[exercises][checker]") {
  calls = 0;
  CHECK(checked("sigmoid_derivative", &counted_wrong_slope).status == 1);
  CHECK(calls == 1);
}

TEST_CASE("an answer hard-coded for one case fails on the next", "[exercises][checker]") {
  const Verdict v = checked("sigmoid_derivative", &slope_of_first_case_only);
  CHECK(v.status == 1);
  CHECK(v.out.find("case 2: z is 1×1, drawn from N(0, 30²)") != std::string::npos);
}

TEST_CASE("the checker names a wrong shape, NaN and an exception as such", "[exercises][checker]") {
  const Verdict shape = checked("sigmoid_derivative", &slope_as_column);
  CHECK(shape.status == 1);
  // The first case is 1×1, which a column matches; the second 1×1 too; the third is 4×3.
  CHECK(shape.out.find("your f′(z) is 12×1, expected 4×3") != std::string::npos);

  const Verdict nan = checked("sigmoid_derivative", &slope_of_nan);
  CHECK(nan.status == 1);
  CHECK(nan.out.find("your f′(z) has NaN at row 1, column 1 (element (0, 0) in C++), where z = ") !=
        std::string::npos);

  const Verdict threw = checked("sigmoid_derivative", &slope_that_throws);
  CHECK(threw.status == 1);
  CHECK(threw.out.find("your function threw an exception: row 7 of 4") != std::string::npos);

  // xtensor's own words ("Incompatible dimension of arrays") are replaced by what happened.
  const Verdict unfitting = checked("sigmoid_derivative", &slope_of_unfitting_shapes);
  CHECK(unfitting.status == 1);
  CHECK(unfitting.out.find("two matrices of shapes that do not fit were combined element by "
                           "element") != std::string::npos);
  CHECK(unfitting.out.find("Incompatible") == std::string::npos);
}

TEST_CASE("an unknown exercise or a function of the wrong kind is a usage error of one line",
          "[exercises][checker]") {
  const Verdict unknown = checked("no_such_exercise", &right_slope);
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "exercise: there is no exercise named 'no_such_exercise'; "
                       "`exercise list` shows them all\n");
  const Verdict kind = checked("sigmoid_derivative", &not_a_slope);
  CHECK(kind.status == 2);
  CHECK(kind.err == "exercise sigmoid_derivative: the function's parameters differ from the "
                    "exercise's; put back the line `Matrix sigmoid_derivative(const Matrix& z)`\n");
  CHECK(kind.out.empty());
}
