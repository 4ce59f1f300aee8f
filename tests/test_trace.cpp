#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <bpw/equations.hpp>
#include <bpw/network.hpp>
#include <bpw/trace.hpp>

using namespace bpw;
using Catch::Contains;

namespace {

Network net231(bool biases) {
  return random_network({{2, 3, 1}, {sigmoid(), sigmoid()}, sse(), biases}, 1);
}

std::string traced_text(TraceOptions options, bool biases = false) {
  std::ostringstream out;
  Tracer trace(options, out);
  trace.describe(net231(biases));
  const Matrix X = {{0.3, 1.0}, {0.5, 0.2}, {1.0, 0.4}};
  const Matrix W = {{0.25, -0.5, 1.0}, {2.0, 0.125, -1.5}};
  const Matrix b = xt::zeros<double>({std::size_t{1}, std::size_t{3}});
  traced(trace, Eq::weighted_input, 1, matmul(X, W), {X, W, b});
  return out.str();
}

}  // namespace

TEST_CASE("text output names the equation, the shapes, the source line and the values",
          "[trace][unit]") {
  const std::string text = traced_text({});
  // The operands come first, the given X and W⁽¹⁾ (no bias in this network), then z⁽²⁾.
  CHECK(text.starts_with("given  X\n       [3×2]\n"));
  CHECK(text.find("given  W⁽¹⁾\n") < text.find("(1.1)  z⁽²⁾ = X W⁽¹⁾\n"));
  CHECK_THAT(text, !Contains("b⁽¹⁾"));
  CHECK_THAT(text, Contains("[3×3] = [3×2]·[2×3]"));
  CHECK_THAT(text, Contains("at tests/test_trace.cpp:"));
  // Row 1: 0.3·0.25 + 1·2 = 2.075, 0.3·−0.5 + 1·0.125 = −0.025, 0.3 − 1.5 = −1.2
  CHECK_THAT(text, Contains("⎡ 2.0750  -0.0250  -1.2000 ⎤"));
  CHECK_THAT(traced_text({.precision = 2}), Contains("⎣ 1.05  -0.45   0.40 ⎦"));
  CHECK_THAT(traced_text({}, true), Contains("z⁽²⁾ = X W⁽¹⁾ + b⁽¹⁾"));
  CHECK_THAT(traced_text({}), !Contains("\x1b["));
  CHECK_THAT(traced_text({.color = true}), Contains("\x1b["));
}

TEST_CASE("json output is one object per matrix with every documented key", "[trace][unit]") {
  std::istringstream lines(traced_text({.format = Format::json}));
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) {
    auto record = nlohmann::json::parse(line);
    if (record["kind"] == "network") CHECK(record["sizes"] == nlohmann::json::parse("[2, 3, 1]"));
    else records.push_back(std::move(record));
  }
  REQUIRE(records.size() == 3);  // X, W⁽¹⁾, then z⁽²⁾ pointing at them
  CHECK(records[0]["symbol"] == "X");
  CHECK(records[0]["eq"] == "");
  CHECK(records[1]["symbol"] == "W⁽¹⁾");
  const auto& record = records[2];
  CHECK(record["n"] == 3);
  CHECK(record["operands"][0]["ref"] == 1);
  CHECK(record["operands"][1]["ref"] == 2);
  CHECK(record["operands"][1]["symbol"] == "W⁽¹⁾");
  CHECK(record["kind"] == "matrix");
  CHECK(record["eq"] == "1.1");
  CHECK(record["symbol"] == "z⁽²⁾");
  CHECK(record["text"] == "z⁽²⁾ = X W⁽¹⁾");
  CHECK(record["latex"] == "z^{(2)} = X W^{(1)}");
  CHECK(record["layer"] == 2);  // the superscript of z⁽²⁾, as printed
  CHECK(record["shape"] == nlohmann::json::array({3, 3}));
  CHECK(record["factors"] == nlohmann::json::parse("[[3, 2], [2, 3]]"));
  CHECK(record["value"][0][0].get<double>() == 0.3 * 0.25 + 1.0 * 2.0);
  CHECK(record["source"].get<std::string>().starts_with("tests/test_trace.cpp:"));
}

TEST_CASE("markdown and latex output carry the same equation", "[trace][unit]") {
  const std::string md = traced_text({.format = Format::markdown});
  CHECK_THAT(md, Contains("**(1.1)** $z^{(2)} = X W^{(1)}$ · `[3×3] = [3×2]·[2×3]`"));
  CHECK_THAT(md, Contains("| 1 | 2.0750 | -0.0250 | -1.2000 |"));
  const std::string tex = traced_text({.format = Format::latex});
  CHECK_THAT(tex, Contains("\\paragraph{(1.1)} $z^{(2)} = X W^{(1)}$"));
  CHECK_THAT(tex, Contains("$[3\\times 3] = [3\\times 2]\\cdot[2\\times 3]$"));
  CHECK_THAT(tex, Contains("2.0750 & -0.0250 & -1.2000"));
}

TEST_CASE("a recap prints one line per matrix unless verbose", "[trace][unit]") {
  for (bool verbose : {false, true}) {
    std::ostringstream out;
    Tracer trace({.verbose = verbose}, out);
    trace.describe(net231(false));
    {
      auto recap = trace.recap("chapter 1");
      const Matrix z = {{0.0}, {-1.1}};
      traced(trace, Eq::activation, 2, Matrix{{0.5}, {0.25}}, {z});
    }
    if (verbose) {
      CHECK_THAT(out.str(), Contains("⎡ 0.5000 ⎤"));
    } else {
      CHECK_THAT(out.str(), Contains("  (1.2)  ŷ = f(z⁽³⁾)  [2×1]\n"));
      CHECK_THAT(out.str(), !Contains("0.5000"));
    }
  }
}

TEST_CASE("a failed check is reported with its place and counted", "[trace][unit]") {
  std::ostringstream out;
  Tracer trace({}, out);
  trace.describe(net231(false));
  CHECK(trace.check(Eq::output_delta, 3, Matrix{{1.0}, {2.0}}, Matrix{{1.0}, {2.0}}, "ref", 1e-9));
  CHECK(trace.failed_checks() == 0);
  CHECK_FALSE(trace.check(Eq::output_delta, 3, Matrix{{1.0}, {2.5}}, Matrix{{1.0}, {2.0}}, "ref", 1e-9));
  CHECK_THAT(out.str(), Contains("✗ δ⁽³⁾ (3.1) differs from ref at row 2, column 1: computed 2.5, expected 2"));
  CHECK_FALSE(trace.check(Eq::hidden_delta, 2, Matrix{{1.0, 2.0}}, Matrix{{1.0}, {2.0}}, "ref", 1e-9));
  CHECK_THAT(out.str(), Contains("✗ δ⁽²⁾ (4.2) is 1×2, expected 2×1 like ref"));
  CHECK(trace.failed_checks() == 2);
}

TEST_CASE("the first value that is not finite is named once, with its equation and a likely cause",
          "[trace][unit]") {
  std::ostringstream out;
  Tracer trace({}, out);
  trace.describe(net231(false));
  const double inf = std::numeric_limits<double>::infinity();
  const Matrix X = {{0.3, 1.0}}, W = {{0.25, -0.5, 1.0}, {2.0, 0.125, -1.5}}, b = {{0.0, 0.0, 0.0}};
  traced(trace, Eq::weighted_input, 1, matmul(X, W), {X, W, b});  // finite: nothing said
  CHECK_THAT(out.str(), !Contains("not finite"));
  // ½ e² of e = 1e200 overflows to ∞ in the second sample
  const Matrix y = {{1.0}, {1e200}}, yhat = {{0.0}, {0.5}}, e = y - yhat, J_m = {{0.5}, {inf}};
  traced(trace, Eq::sse_sample_cost, 3, J_m, {e});
  traced(trace, Eq::total_cost, 3, Matrix{{inf}}, {J_m});  // computed from it: not named again
  traced(trace, Eq::sse_gradient, 3, Matrix{{std::nan("")}, {1.0}}, {y, yhat});
  const std::string text = out.str();
  CHECK_THAT(text, Contains("(2.3) Jₘ holds inf at row 2, column 1: the first value of this trace that "
                            "is not finite"));
  CHECK_THAT(text, Contains("Likely cause: a value beyond what float64 holds (about 1.8e308)"));
  std::size_t named = 0;
  for (std::size_t at = text.find("that is not finite"); at != std::string::npos;
       at = text.find("that is not finite", at + 1))
    ++named;
  CHECK(named == 1);
}

TEST_CASE("the likely cause of a value that is not finite follows the equation that made it",
          "[trace][unit]") {
  const auto first_note = [](Eq eq, double value) {
    std::ostringstream out;
    Tracer trace({}, out);
    trace.describe(net231(false));
    const Matrix v = {{value}}, operand = {{1.0}};
    const std::string_view named = equation(eq).operands;  // templates, one word each
    const auto operands = named.empty() ? 0 : 1 + std::count(named.begin(), named.end(), ' ');
    if (operands == 0) traced(trace, eq, 3, v);
    else if (operands == 1) traced(trace, eq, 3, v, {operand});
    else traced(trace, eq, 3, v, {operand, operand});
    return out.str();
  };
  const double inf = std::numeric_limits<double>::infinity();
  CHECK_THAT(first_note(Eq::bce_gradient, inf), Contains("division by 0, as ŷ rounds to exactly 0 or 1"));
  CHECK_THAT(first_note(Eq::bce_sample_cost, inf), Contains("the log of 0"));
  CHECK_THAT(first_note(Eq::numerical_weight_gradient, std::nan("")), Contains("∞ − ∞ is undefined"));
  CHECK_THAT(first_note(Eq::output_delta, std::nan("")), Contains("NaN at row 1, column 1"));
  CHECK_THAT(first_note(Eq::output_delta, std::nan("")), Contains("0 × ∞, ∞ − ∞ or 0/0"));
  CHECK_THAT(first_note(Eq::output_delta, -inf), Contains("−inf at row 1, column 1"));
}

TEST_CASE("a check on values that are not finite reports them, neither agreement nor difference",
          "[trace][unit]") {
  std::ostringstream out;
  Tracer trace({}, out);
  trace.describe(net231(false));
  const double inf = std::numeric_limits<double>::infinity();
  // ∞ against ∞ would pass an "equal" test, ∞ − ∞ = NaN would fail a tolerance: neither is a verdict
  CHECK_FALSE(trace.check(Eq::total_cost, 3, Matrix{{inf}}, Matrix{{inf}}, "the sums", 1e-12));
  CHECK_THAT(out.str(), Contains("not compared: the computed value holds inf at row 1, column 1, a value "
                                 "that is not finite"));
  CHECK_THAT(out.str(), !Contains("expected inf"));
  CHECK_FALSE(trace.check(Eq::total_cost, 3, Matrix{{1.0}}, Matrix{{std::nan("")}}, "the sums", 1e-12));
  CHECK_THAT(out.str(), Contains("not compared: the sums holds NaN at row 1, column 1"));
  CHECK(trace.failed_checks() == 2);
}

TEST_CASE("an operand computed again with other numbers gets a record of its own, never the stale one",
          "[trace][unit]") {
  std::ostringstream out;
  {
    Tracer trace({.format = Format::json}, out);
    trace.describe(net231(false));
    const Matrix X = {{0.3, 1.0}};
    const Matrix W = {{0.25, -0.5, 1.0}, {2.0, 0.125, -1.5}};
    const Matrix b = xt::zeros<double>({std::size_t{1}, std::size_t{3}});
    Matrix z = traced(trace, Eq::weighted_input, 1, matmul(X, W), {X, W, b});
    z *= 2.0;  // z⁽²⁾ again, for other weights, not traced
    Matrix a = z;
    traced(trace, Eq::activation, 1, a, {z});
    // In place: the operand is the result's own buffer (already overwritten),
    // so it is read as recorded, with no new record.
    traced(trace, Eq::activation, 1, a, {a});
  }
  std::vector<nlohmann::json> records;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  // network, X, W⁽¹⁾, z⁽²⁾, z⁽²⁾ again (doubled), a⁽²⁾, a⁽²⁾
  REQUIRE(records.size() == 7);
  CHECK(records[3]["symbol"] == "z⁽²⁾");
  CHECK(records[4]["symbol"] == "z⁽²⁾");
  CHECK(records[4]["value"][0][0].get<double>() == 2 * records[3]["value"][0][0].get<double>());
  CHECK(records[5]["operands"][0]["ref"] == records[4]["n"]);
  CHECK(records[6]["operands"][0]["ref"] == records[4]["n"]);
}
