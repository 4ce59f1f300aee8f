// The LaTeX and Markdown writers as a handout needs them: every symbol a TeX
// command, flags with both hyphens, scientific numbers as TeX writes them, wide
// matrices in blocks of columns, formulas in Markdown between dollars.
#include <sstream>

#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include <bpw/network.hpp>
#include <bpw/table.hpp>
#include <bpw/trace.hpp>

using namespace bpw;
using Catch::Contains;

namespace {

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// What a tracer writes for `body` in `format`.
template <class Body>
std::string written(Format format, Body body, int L = 3) {
  std::ostringstream out;
  Tracer trace({.format = format}, out);
  trace.describe(random_network({L == 3 ? std::vector<std::size_t>{2, 3, 1} : std::vector<std::size_t>{2, 10, 2},
                                 {sigmoid(), sigmoid()}, sse(), false},
                                1));
  body(trace);
  return out.str();
}

}  // namespace

TEST_CASE("handout notes and headings set every symbol as a TeX command", "[handouts][unit]") {
  const auto tex = [](const char* note) {
    return written(Format::latex, [&](Tracer& t) { t.note(note); });
  };
  CHECK(tex("Central differences with ε = 0.0001") == "Central differences with $\\varepsilon = 0.0001$\n\n");
  CHECK_THAT(tex("δ⁽³⁾ = ∂J/∂ŷ ⊙ f′(z⁽³⁾)"),
             Contains("$\\delta^{(3)} = \\partial J/\\partial\\hat{y} \\odot f'(z^{(3)})$"));
  CHECK_THAT(tex("W⁽²⁾[1,1] with λ = 0.01 and η ∇J"), Contains("$W^{(2)}[1,1]$"));
  CHECK_THAT(tex("W⁽²⁾[1,1] with λ = 0.01 and η ∇J"), Contains("$\\lambda = 0.01$"));
  CHECK_THAT(tex("W⁽²⁾[1,1] with λ = 0.01 and η ∇J"), Contains("$\\eta \\nabla J$"));
  CHECK_THAT(tex("the cost J̃ and Jₘ"), Contains("$\\tilde{J}$ and $J_{m}$"));
  CHECK_THAT(tex("rows ⋮ and ⋯ columns"), Contains("$\\vdots$ and $\\cdots$"));
  // A flag keeps both hyphens; TeX would set -- as an en dash.
  CHECK_THAT(tex("(one line each; --verbose shows them in full):"),
             Contains("(one line each; \\texttt{-{}-verbose} shows them in full):"));
  CHECK_THAT(tex("largest difference 1.5e-11, 100% sure & #1 of $5_x"),
             Contains("largest difference $1.5 \\times 10^{-11}$, 100\\% sure \\& \\#1 of \\$5\\_x"));
  CHECK_THAT(tex("a–b — c"), Contains("a--b --- c"));
  CHECK_THAT(tex("with ε = 1e-4 (and 2.5e+03)"), Contains("$\\varepsilon = 1 \\times 10^{-4}$ (and $2.5 \\times 10^{3}$)"));
  const std::string heading = written(Format::latex, [](Tracer& t) { t.heading("Chapter 2 · The cost"); });
  CHECK(heading == "\\subsection*{Chapter 2 $\\cdot$ The cost}\n\n");
  for (const char* note : {"δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ) ⊙ f′(z⁽ˡ⁾)", "J = ½ Σₘ ‖y − ŷ‖² ≤ ∞", "ŷ ≈ σ(z) → 1"})
    CHECK(ascii(tex(note)));
}

TEST_CASE("a handout writes scientific numbers as TeX does and symbols as commands",
          "[handouts][unit]") {
  const std::string tex = written(Format::latex, [](Tracer& t) {
    // Fixed notation cannot show 0.0000155 with four digits: the matrix is scientific.
    const Matrix y = {{1.0}, {0.0}}, yhat = {{0.984466}, {0.0000155}};
    traced(t, Eq::output_error, 3, Matrix{{0.015534}, {-0.0000155}}, {y, yhat});
  });
  CHECK_THAT(tex, Contains("1.5534 \\times 10^{-2} \\\\"));
  CHECK_THAT(tex, Contains("-1.5500 \\times 10^{-5}"));
  CHECK_THAT(tex, !Contains("e-02"));
  const std::string table = written(Format::latex, [](Tracer& t) {
    t.table(Eq::relative_error, 2, gradient_table(Matrix{{0.5}}, Matrix{{0.5000001}}, "W⁽²⁾"));
  });
  CHECK_THAT(table, Contains("$W^{(2)}[1,1]$"));
  CHECK(ascii(tex));
  CHECK(ascii(table));
}

TEST_CASE("a matrix wider than a handout's line is set in blocks of numbered columns",
          "[handouts][unit]") {
  Matrix wide({3, 10});
  for (std::size_t i = 0; i < wide.size(); ++i) wide.flat(i) = -0.1234 * static_cast<double>(i);
  const auto delta_of = [](const Matrix& m) {
    return [&m](Tracer& t) {
      const Matrix ones = xt::ones_like(m);
      traced(t, Eq::hidden_delta, 2, m, {m, ones});
    };
  };
  const std::string tex = written(Format::latex, delta_of(wide), 4);
  // Ten columns of "-1.2340" (about 45 pt each) are wider than the 390 pt a
  // matrix may take: two blocks of five.
  CHECK_THAT(tex, Contains("\\overset{\\text{columns 1--5 of 10}}{\\begin{bmatrix}"));
  CHECK_THAT(tex, Contains("\\overset{\\text{columns 6--10 of 10}}{\\begin{bmatrix}"));
  const Matrix narrow = xt::view(wide, xt::all(), xt::range(0, 4));
  const std::string small = written(Format::latex, delta_of(narrow), 4);
  CHECK_THAT(small, !Contains("columns 1--"));
  CHECK_THAT(small, Contains("= \\begin{bmatrix}"));
}

TEST_CASE("a standalone handout needs only texlive-latex-base", "[handouts][unit]") {
  const std::string tex = written(Format::latex, [](Tracer& t) {
    t.begin_document("Chapter 7 · The gradient check");
    t.end_document();
  });
  CHECK_THAT(tex, Contains("\\title{Backprop Workbook\\\\ Chapter 7 $\\cdot$ The gradient check}"));
  CHECK_THAT(tex, !Contains("fontspec"));
  CHECK_THAT(tex, !Contains("unicode-math"));
  CHECK(ascii(tex));
}

TEST_CASE("markdown handouts write formulas as TeX between dollars and escape the prose",
          "[handouts][unit]") {
  const std::string md = written(Format::markdown, [](Tracer& t) {
    const Matrix y = {{1.0}}, yhat = {{0.75}};
    traced(t, Eq::output_error, 3, Matrix{{0.25}}, {y, yhat});
    t.note("Recap (one line each; --verbose shows them in full): a*b and w_ij");
  });
  CHECK_THAT(md, Contains("**(2.1)** $e = y - \\hat{y}$ · `[1×1]`"));
  CHECK_THAT(md, Contains("| $e$ | 1 |"));
  CHECK_THAT(md, Contains("`--verbose` shows them in full): a\\*b and w\\_ij"));
}
