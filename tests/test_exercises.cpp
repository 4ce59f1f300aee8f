#include <algorithm>
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
#include <bpw/activation.hpp>
#include <bpw/exercises.hpp>

#include "exercise_settings.hpp"

using namespace bpw;

namespace {

// What run() prints, and its exit status.
struct Verdict {
  int status;
  std::string out, err;
};

Verdict checked(std::string_view name, exercise::Function f, exercise::RunOptions options = {}) {
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  const int status = exercise::run(name, f, options);
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
Matrix not_a_gradient(const Matrix& a, const Matrix& d) {
  return xt::zeros<double>({a.shape(1), d.shape(1)});
}
void momentum_velocity_wrong(Matrix& W, Matrix& v, const Matrix& g, double eta, double mu) {
  v = mu * v - 2 * eta * g;
  W = W + v;
}
void momentum_weights_wrong(Matrix& W, Matrix& v, const Matrix& g, double eta, double mu) {
  v = mu * v - eta * g;
  W = W + 2 * v;
}

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
  CHECK(exercise_path(*exercise_named("output_delta")) == "chapters/03_output_delta/exercises/output_delta.cpp");
}

TEST_CASE("exercise labels are the chapter and a letter, never a number an equation could have",
          "[exercises]") {
  const std::regex label("[0-9]+-[A-Z]");
  std::set<std::string> labels;
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    const std::string l = exercise_label(e);
    CHECK(std::regex_match(l, label));
    CHECK(labels.insert(l).second);
    CHECK(l.starts_with(std::to_string(chapter_of(e)) + "-"));
    CHECK(exercise_labelled(l)->name == e.name);
    std::string lower = l;
    lower.back() = static_cast<char>(lower.back() - 'A' + 'a');
    CHECK(exercise_labelled(lower)->name == e.name);
    for (const Equation& eq : all_equations()) CHECK(l != eq.number);
  }
  CHECK(exercise_label(*exercise_named("sigmoid_derivative")) == "3-A");
  CHECK(exercise_label(*exercise_named("output_delta")) == "3-B");
  CHECK(exercise_label(*exercise_named("l2_weight_gradient")) == "10-B");
  CHECK_FALSE(exercise_labelled("3.1"));
  CHECK_FALSE(exercise_labelled("3-Z"));
}

TEST_CASE("each exercise cites the equation of the function it asks for", "[exercises]") {
  const auto cites = [](std::string_view name) { return exercise_named(name)->equation; };
  CHECK(cites("sigmoid") == Eq::sigmoid_function);
  CHECK(cites("softmax") == Eq::softmax_function);
  CHECK(cites("sigmoid_derivative") == Eq::sigmoid_derivative);
  CHECK(cites("tanh_derivative") == Eq::tanh_derivative);
  CHECK(exercise_named("momentum_update")->also == Eq::momentum_update);
  // The generic a = f(z) belongs only to the exercise that chains whole layers.
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    if (e.name != "network_output") CHECK(e.equation != Eq::activation);
  }
  CHECK(equation_line(Eq::sigmoid_function) == "(1.3)  σ(z⁽ˡ⁾) = 1 / (1 + e^(−z⁽ˡ⁾))");
}

TEST_CASE("exercise texts name equations by key, never by a number written by hand", "[exercises]") {
  const std::regex hand_number(R"(\(\d+\.\d+\))");
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    std::vector<std::string_view> texts{e.statement, e.start, e.shapes, e.title, e.note};
    texts.insert(texts.end(), e.hints.begin(), e.hints.end());
    for (std::string_view text : texts) {
      CHECK_FALSE(std::regex_search(std::string(text), hand_number));
      CHECK_NOTHROW(with_numbers(text));
    }
    CHECK_FALSE(equation(e.equation).number.empty());
  }
  CHECK(with_numbers("by ⟦momentum_velocity⟧, then ⟦momentum_update⟧") == "by (6.5), then (6.6)");
  CHECK_THROWS_AS(with_numbers("⟦no_such_equation⟧"), std::logic_error);
}

TEST_CASE("the exercises call the number of samples M, as the book does", "[exercises]") {
  // N alone (not N(0, 1)) was the exercises' old name for the sample count.
  const std::regex sample_count_N(R"((^|[^A-Za-z])N([^A-Za-z(]|$))");
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    std::vector<std::string_view> texts{e.statement, e.start, e.shapes, e.title, e.note};
    texts.insert(texts.end(), e.hints.begin(), e.hints.end());
    for (std::string_view text : texts) CHECK_FALSE(std::regex_search(std::string(text), sample_count_N));
  }
  CHECK(std::string(exercise_named("hidden_delta")->shapes).starts_with("δ⁽ˡ⁺¹⁾ [M×k]"));
}

TEST_CASE("every exercise has three hints, revealed in order, the last nearly the answer",
          "[exercises][hints]") {
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    std::set<std::string_view> distinct(e.hints.begin(), e.hints.end());
    CHECK(distinct.size() == 3);
    for (std::string_view h : e.hints) CHECK(h.size() > 20);
    // The last gives code: an assignment or a return, ended by a semicolon.
    CHECK(std::string_view(e.hints.back()).find(';') != std::string_view::npos);
    CHECK(hint_text(e, 1) == with_numbers(e.hints[0]));
    CHECK(hint_text(e, 4).empty());
  }
  CHECK(hint_text(*exercise_named("sigmoid_derivative"), 1).find("(3.4)") != std::string::npos);
  // The softmax hint warns of xtensor's lazy reduction where learners meet it.
  CHECK(std::string_view(exercise_named("softmax")->hints[1]).find("Matrix of its own") !=
        std::string_view::npos);
}

TEST_CASE("a starting file states the exercise, its equations and shapes, and how to get hints, "
          "in 80 columns of comment and 100 of code",
          "[exercises]") {
  for (const Exercise& e : all_exercises()) {
    INFO(e.name);
    const std::string text = starting_text(e);
    CHECK(text.starts_with("// Exercise " + exercise_label(e) + ": "));
    for (Eq id : equations_of(e)) CHECK(text.find(equation_line(id)) != std::string::npos);
    CHECK(text.find("// Shapes: ") != std::string::npos);
    // An answer that multiplies matrices: the file says how, before any hint.
    const bool multiplies = std::any_of(e.hints.begin(), e.hints.end(), [](std::string_view h) {
      return h.find("bpw::matmul") != std::string_view::npos;
    });
    CHECK((text.find("// Products: bpw::matmul(A, B) is the matrix product") != std::string::npos) ==
          multiplies);
    CHECK(text.find("// Hints, one at a time:  build/bin/exercise hint " + std::string(e.name) + "\n") !=
          std::string::npos);
    for (std::size_t n = 1; n <= e.hints.size(); ++n)
      CHECK(text.find(hint_text(e, n).substr(0, 30)) == std::string::npos);
    CHECK(text.find(std::string(e.signature) + "\n{\n  // ---- your code below ----\n") != std::string::npos);
    CHECK(text.ends_with("  // ---- your code above ----\n}\n\nBPW_EXERCISE(" + std::string(e.name) + ")\n"));
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(columns(line) <= (line.starts_with("//") ? 80 : 100));
    }
  }
  // The note's later lines hang under its first word.
  CHECK(starting_text(*exercise_named("softmax")).find("// Note: Debian's xtensor 0.24") != std::string::npos);
  CHECK(starting_text(*exercise_named("momentum_update")).find("(6.6)  W⁽ˡ⁾ ← W⁽ˡ⁾ + v") != std::string::npos);
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
  CHECK(v.out.starts_with("✓ Exercise 3-A  sigmoid_derivative passes: 10 cases agree"));
  CHECK(v.err.empty());
}

TEST_CASE("the checker shows the first wrong element with both values, the case's inputs, the "
          "equation, the hints and the command that reruns the case",
          "[exercises][checker]") {
  const Verdict v = checked("sigmoid_derivative", &slope_with_sign_wrong);
  CHECK(v.status == 1);
  // z = 0.2780706694 in the first case: σ = 0.56907, σ(1 − σ) = 0.24523, σ(1 + σ) = 0.89292.
  CHECK(v.out.find("  case 1 of 10: z is 1×1, drawn from N(0, 1²)\n  given:\n    z = [ 0.2780706694 ]\n") !=
        std::string::npos);
  CHECK(v.out.find("your f′(z) differs first at row 1, column 1 (element (0, 0) in C++) of 1×1, "
                   "where z = 0.2780706694") != std::string::npos);
  CHECK(v.out.find("yours     0.8929174204") != std::string::npos);
  CHECK(v.out.find("expected  0.2452288986") != std::string::npos);
  CHECK(v.out.find("(3.4)  f′(z⁽ˡ⁾) = σ(z⁽ˡ⁾) ⊙ (1 − σ(z⁽ˡ⁾))") != std::string::npos);
  CHECK(v.out.find("  hint: none shown yet; `build/bin/exercise hint sigmoid_derivative` shows the "
                   "first of 3\n") != std::string::npos);
  CHECK(v.out.find("  redo this case alone:  build/bin/exercise check sigmoid_derivative --case 1\n") !=
        std::string::npos);
}

TEST_CASE("a failing check shows the hints revealed so far and how to get the next",
          "[exercises][checker][hints]") {
  const Exercise e = *exercise_named("sigmoid_derivative");
  const Verdict one = checked("sigmoid_derivative", &slope_with_sign_wrong, {.hints = 1});
  CHECK(one.out.find("  hint 1 of 3: " + hint_text(e, 1) + "\n") != std::string::npos);
  CHECK(one.out.find("hint 2 of 3:") == std::string::npos);
  CHECK(one.out.find("  `build/bin/exercise hint sigmoid_derivative` shows hint 2 of 3\n") !=
        std::string::npos);
  const Verdict all = checked("sigmoid_derivative", &slope_with_sign_wrong, {.hints = 5});
  CHECK(all.out.find("  hint 3 of 3: " + hint_text(e, 3) + "\n") != std::string::npos);
  CHECK(all.out.find("  that is every hint; `build/bin/exercise solution sigmoid_derivative` opens "
                     "once the check passes\n") != std::string::npos);
}

TEST_CASE("one case can be run alone, and a case that does not exist is a usage error",
          "[exercises][checker]") {
  calls = 0;
  const Verdict third = checked("sigmoid_derivative", &counted_wrong_slope, {.only_case = 3});
  CHECK(third.status == 1);
  CHECK(calls == 1);
  CHECK(third.out.find("  case 3 of 10: z is 4×3, drawn from N(0, 1²)\n") != std::string::npos);
  // A 4×3 input is small enough to show in full: four rows of three.
  CHECK(std::regex_search(third.out, std::regex(R"(    z = \[( +[-0-9.e]+){3} \]\n(        \[( +[-0-9.e]+){3} \]\n){3})")));
  const Verdict passes = checked("sigmoid_derivative", &right_slope, {.only_case = 10});
  CHECK(passes.status == 0);
  CHECK(passes.out.starts_with("✓ Exercise 3-A  sigmoid_derivative: case 10 of 10 agrees with the "
                               "workbook; `build/bin/exercise check sigmoid_derivative` runs all 10"));
  const Verdict none = checked("sigmoid_derivative", &right_slope, {.only_case = 11});
  CHECK(none.status == 2);
  CHECK(none.out.empty());
  CHECK(none.err == "exercise sigmoid_derivative: there is no case 11; Exercise 3-A has 10 cases, 1 to 10\n");
}

TEST_CASE("inputs larger than 4×4 are named by their shape, not printed", "[exercises][checker]") {
  const Verdict v = checked("weight_gradient", &not_a_gradient, {.only_case = 11});
  INFO(v.out);
  CHECK(v.status == 1);
  CHECK(v.out.find("    a⁽ˡ⁾ is 7×6 (inputs larger than 4×4 are not shown)\n") != std::string::npos);
}

TEST_CASE("a momentum step cites the equation of the quantity that went wrong",
          "[exercises][checker]") {
  const Verdict v_wrong = checked("momentum_update", &momentum_velocity_wrong);
  CHECK(v_wrong.out.find("your v after step 1 differs") != std::string::npos);
  CHECK(v_wrong.out.find("(6.5)  v ← μ v − η ∂J/∂W⁽ˡ⁾") != std::string::npos);
  CHECK(v_wrong.out.find("(6.6)") == std::string::npos);
  const Verdict w_wrong = checked("momentum_update", &momentum_weights_wrong);
  CHECK(w_wrong.out.find("your W after step 1 differs") != std::string::npos);
  CHECK(w_wrong.out.find("(6.6)  W⁽ˡ⁾ ← W⁽ˡ⁾ + v") != std::string::npos);
  CHECK(w_wrong.out.find("(6.5)") == std::string::npos);
}

TEST_CASE("after the first mistake the learner's function is not run again", "[exercises][checker]") {
  calls = 0;
  CHECK(checked("sigmoid_derivative", &counted_wrong_slope).status == 1);
  CHECK(calls == 1);
}

TEST_CASE("an answer hard-coded for one case fails on the next", "[exercises][checker]") {
  const Verdict v = checked("sigmoid_derivative", &slope_of_first_case_only);
  CHECK(v.status == 1);
  CHECK(v.out.find("case 2 of 10: z is 1×1, drawn from N(0, 30²)") != std::string::npos);
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

TEST_CASE("the checker's networks have targets their output activation can reach",
          "[exercises][checker]") {
  // Targets of 1.94 for a sigmoid output (y − ŷ = −1.94) cannot be fitted.
  using exercise::setting;
  for (const auto& [f, cost] : {std::pair{"sigmoid", "sse"}, std::pair{"tanh", "sse"},
                                std::pair{"relu", "sse"}, std::pair{"identity", "mse"},
                                std::pair{"sigmoid", "cross-entropy"},
                                std::pair{"softmax", "softmax-cross-entropy"}}) {
    INFO(f << " with " << cost);
    const exercise::Setting s = setting({3, 4, 5}, {"tanh", f}, cost, 9, 3);
    CHECK(exercise::targets_in_range(activation_named(f), s.data.y));
  }
  CHECK_FALSE(exercise::targets_in_range(sigmoid(), Matrix{{0.5, 1.94}}));
  CHECK_FALSE(exercise::targets_in_range(tanh_activation(), Matrix{{-1.5}}));
  CHECK_FALSE(exercise::targets_in_range(relu(), Matrix{{-0.1}}));
  CHECK_FALSE(exercise::targets_in_range(softmax(), Matrix{{0.5, 0.6}}));
  CHECK(exercise::targets_in_range(identity(), Matrix{{-7.0, 12.0}}));
}
