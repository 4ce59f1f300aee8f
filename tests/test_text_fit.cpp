// Text that fits the width (bpw/text_fit.hpp): wrapping at spaces with a
// hanging indent, wide matrices and tables in blocks of whole columns, and
// where the width comes from.
#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <bpw/matrix.hpp>
#include <bpw/network.hpp>
#include <bpw/table.hpp>
#include <bpw/text_fit.hpp>
#include <bpw/trace.hpp>

using namespace bpw;
using Catch::Contains;
using Strings = std::vector<std::string>;

namespace {

Strings lines_of(const std::string& text) {
  Strings lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t widest(const std::string& text) {
  std::size_t most = 0;
  for (const std::string& line : lines_of(text)) most = std::max(most, display_width(line));
  return most;
}

// z⁽²⁾ = X W⁽¹⁾ for X = [1, −0.5]ᵀ and W⁽¹⁾ = [−0.5, −1, …, −N/2]: a 2×N matrix whose
// first row is W⁽¹⁾ and second 0.25, 0.5, …, traced in text at `width` with --explain,
// every column shown (`full`) or the first and last few.
std::string traced_wide(std::size_t columns, int width, bool full = false) {
  TraceOptions options;
  options.width = width;
  options.full = full;
  options.explain = true;
  std::ostringstream out;
  Tracer trace(options, out);
  trace.describe(random_network({{1, columns, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1));
  const Matrix X = {{1.0}, {-0.5}};
  Matrix W = xt::zeros<double>({std::size_t{1}, columns});
  for (std::size_t c = 0; c < columns; ++c) W(0, c) = -0.5 * static_cast<double>(c + 1);
  const Matrix b = xt::zeros<double>({std::size_t{1}, columns});
  traced(trace, Eq::weighted_input, 1, matmul(X, W), {X, W, b});
  return out.str();
}

}  // namespace

TEST_CASE("display width counts code points and gives combining marks no width", "[width][unit]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("W⁽²⁾") == 4);   // W ⁽ ² ⁾, two or three bytes each
  CHECK(display_width("J̃") == 1);      // J and a combining tilde
  CHECK(display_width("⎡ 1.0 ⎤") == 7);
  CHECK(display_width("") == 0);
}

TEST_CASE("wrapping to a width breaks at spaces and indents the lines after the first",
          "[width][unit]") {
  // 10 columns after a 4-column label: "the cost" (8) fits, "the cost falls" (14) does
  // not; the lines after the first start at column 6, so 4 columns are left for them.
  CHECK(wrap("the cost falls", 14, 4, 6) == Strings{"the cost", "falls"});
  // Text that fits, or any text without a width, comes back as it is, spaces and all.
  CHECK(wrap("a  b ", 10, 0, 2) == Strings{"a  b "});
  CHECK(wrap("a long line that would not fit", 0, 0, 2) == Strings{"a long line that would not fit"});
  // Every line but the first has the hanging indent's columns less: 12 − 2 = 10.
  CHECK(wrap("one two three four five six", 12, 0, 2) ==
        Strings{"one two", "three four", "five six"});
  // A word longer than the line stands on a line of its own, whole.
  CHECK(wrap("at chapters/05_gradients/main.cpp:61 now", 20, 0, 2) ==
        Strings{"at", "chapters/05_gradients/main.cpp:61", "now"});
  // Widths are columns, not bytes: "δ⁽³⁾ ⊙ f′" is 8 columns in 18 bytes.
  CHECK(wrap("δ⁽³⁾ ⊙ f′ x", 10, 0, 0) == Strings{"δ⁽³⁾ ⊙ f′", "x"});
}

TEST_CASE("column blocks at a width hold whole columns, as many as fit", "[width][unit]") {
  // Columns 6 wide, 2 apart: three take 6 + 2 + 6 + 2 + 6 = 22, four 30.
  const std::vector<std::size_t> six(7, 6);
  const auto blocks = column_blocks(six, 2, 25);
  REQUIRE(blocks.size() == 3);
  CHECK((blocks[0].begin == 0 && blocks[0].end == 3));
  CHECK((blocks[1].begin == 3 && blocks[1].end == 6));
  CHECK((blocks[2].begin == 6 && blocks[2].end == 7));
  // No room given: one block; a column wider than the room: a block of its own.
  CHECK(column_blocks(six, 2, 0).size() == 1);
  const auto narrow = column_blocks({3, 9, 3}, 2, 8);
  REQUIRE(narrow.size() == 3);
  CHECK((narrow[1].begin == 1 && narrow[1].end == 2));
}

TEST_CASE("a block's caption at a narrow width names its columns and the gap of a shortened matrix",
          "[width][unit]") {
  CHECK(columns_caption({"5", "6", "7", "8"}, 10) == "columns 5–8 of 10");
  CHECK(columns_caption({"3"}, 3) == "column 3 of 3");
  CHECK(columns_caption({"3", "4", "⋯", "97", "98"}, 100) == "columns 3–4, 97–98 of 100");
  CHECK(columns_caption({"⋯", "97", "98", "99", "100"}, 100) == "columns 97–100 of 100");
}

TEST_CASE("the width comes from --width, then COLUMNS, then the terminal, else no limit",
          "[width][unit]") {
  CHECK(text_width(100, "80", 120, 40) == 100);
  CHECK(text_width(0, "80", 120, 40) == 80);
  CHECK(text_width(0, nullptr, 120, 40) == 120);
  CHECK(text_width(0, "", 120, 40) == 120);
  CHECK(text_width(0, "wide", 0, 40) == 0);  // not a number: ignored
  CHECK(text_width(0, nullptr, 0, 40) == 0);  // a file or a pipe: no limit
  CHECK(text_width(0, "20", 0, 40) == 40);    // too narrow to be of use: the least
}

TEST_CASE("a matrix wider than the width is printed in blocks of columns, each under its caption",
          "[width][trace][unit]") {
  // 12 columns from −0.5 to −6.0000, each 7 columns wide; at 50 columns, 7 + 4 for
  // the margin and brackets leave 39: four cells (4·7 + 3·2 = 34), not five (43).
  const std::string text = traced_wide(12, 50, true);
  CHECK(widest(text) <= 50);
  CHECK_THAT(text, Contains("       columns 1–4 of 12\n       ⎡ -0.5000  -1.0000  -1.5000  -2.0000 ⎤\n"));
  CHECK_THAT(text, Contains("       columns 5–8 of 12\n"));
  CHECK_THAT(text, Contains("       columns 9–12 of 12\n"));
  CHECK_THAT(text, Contains("⎣  0.2500   0.5000   0.7500   1.0000 ⎦"));
  // The explanation wraps under its "why: ", never past the width.
  const Strings lines = lines_of(text);
  const auto why = std::find_if(lines.begin(), lines.end(),
                                [](const std::string& l) { return l.starts_with("       why: "); });
  REQUIRE(why != lines.end());
  REQUIRE(why + 1 != lines.end());
  CHECK(why[1].starts_with("            "));
  CHECK(why[1].find_first_not_of(' ') == 12);
  // With no width, one block and no caption, as always.
  const std::string whole = traced_wide(12, 0, true);
  CHECK_THAT(whole, !Contains("columns "));
  const Strings rows = lines_of(whole);
  const auto top = std::find_if(rows.begin(), rows.end(),
                                [](const std::string& l) { return l.starts_with("       ⎡ -0.5000"); });
  REQUIRE(top != rows.end());
  CHECK(display_width(*top) == 7 + 4 + 12 * 7 + 11 * 2);
}

TEST_CASE("a shortened matrix in blocks at a narrow width keeps the gap between its first and last columns",
          "[width][trace][unit]") {
  // 30 columns shown as 1–4, ⋯, 27–30: −0.5000 … −2.0000 (7 columns each), ⋯ (1),
  // −13.5000 … −15.0000 (8 each). At 60, 49 are left inside the brackets: 4·7 + 1 + 8
  // and five gaps of 2 make 47, one more cell 57.
  const std::string text = traced_wide(30, 60);
  CHECK(widest(text) <= 60);
  CHECK_THAT(text, Contains("       columns 1–4, 27 of 30\n"
                            "       ⎡ -0.5000  -1.0000  -1.5000  -2.0000  ⋯  -13.5000 ⎤\n"));
  CHECK_THAT(text, Contains("       columns 28–30 of 30\n       ⎡ -14.0000  -14.5000  -15.0000 ⎤\n"));
  CHECK_THAT(text, !Contains("columns 5"));
}

TEST_CASE("notes, headings and checks wrap at the width with a hanging indent",
          "[width][trace][unit]") {
  TraceOptions options;
  options.width = 40;
  options.explain = true;
  std::ostringstream out;
  Tracer trace(options, out);
  trace.describe(random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1));
  // "Without regularisation the training cost" is 40 columns: it fits. The lines
  // after it have 38 past their indent of 2: "ends … cost at" is 37.
  trace.note("Without regularisation the training cost ends at 0.001802 and the test cost at 0.0039");
  // A heading's lines after the first start under its title, after "━━ ".
  trace.heading("Chapter 10 · Overfitting, and what regularisation does about it");
  // A check's under its symbol, after "✓ ".
  trace.verdict(Eq::weight_gradient, 1, true, "agrees with the finite-difference gradient: largest difference 3.9e-12");
  CHECK(lines_of(out.str()) ==
        Strings{"Without regularisation the training cost",
                "  ends at 0.001802 and the test cost at",
                "  0.0039",
                "",
                "━━ Chapter 10 · Overfitting, and what",
                "   regularisation does about it",
                "",
                "✓ ∂J/∂W⁽¹⁾ (5.1) agrees with the",
                "  finite-difference gradient: largest",
                "  difference 3.9e-12",
                ""});
}

TEST_CASE("a table wider than the width is printed in blocks of columns beside its row names",
          "[width][trace][unit]") {
  TraceOptions options;
  options.width = 60;
  std::ostringstream out;
  Tracer trace(options, out);
  trace.describe(random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), false}, 1));
  Table table({"train, λ = 0", "test, λ = 0", "train, λ = 0.0001", "test, λ = 0.0001"});
  table.row("iteration 1", {0.5, 0.25, 0.125, 0.0625});
  table.row("iteration 200", {0.001802, 0.0039, 0.0021, 0.0027});
  trace.table(Eq::test_cost, 3, table);
  const std::string text = out.str();
  CHECK(widest(text) <= 60);
  const Strings lines = lines_of(text);
  // Each block has the column names over it and every row name beside it.
  std::size_t headers = 0, names = 0;
  for (const std::string& line : lines) {
    headers += line.find("train, λ = 0") != std::string::npos;
    names += line.starts_with("       iteration 200");
  }
  CHECK(headers == 2);
  CHECK(names == 2);
}
