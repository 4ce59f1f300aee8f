// Hostile network and data files: nested, huge or beyond the limits. Each must
// give one line (a UsageError) before its sizes are trusted, never a crash.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <bpw/files.hpp>
#include <bpw/fit.hpp>

#include "hostile.hpp"

using namespace bpw;
using namespace hostile;
using Catch::Contains;

namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string network_with_activation(const std::string& activation) {
  return R"({"cost": "sse", "layers": [{"W": [[1]], "activation": )" + activation + "}]}";
}

}  // namespace

TEST_CASE("a network file nested 200,000 deep is one line, not a stack overflow",
          "[files][hostile]") {
  const std::string deep = nested(200000);
  const std::string files[] = {
      network_with_activation(deep),
      R"({"cost": "sse", "layers": [{"W": [[1]], "activation": "sigmoid"}], "layout": )" + deep + "}",
      R"({"cost": "sse", "layers": [{"W": [[1]], "activation": "sigmoid"}], "l2": )" + deep + "}",
      R"({"cost": "sse", "layers": [{"W": [[1]], "activation": "sigmoid"}], "lambda": )" + deep + "}",
      R"({"cost": "sse", "layers": [{"W": [[)" + deep + R"(]], "activation": "sigmoid"}]})",
  };
  for (const std::string& text : files)
    CHECK_THROWS_WITH(parse_network(text, "net.json"),
                      Contains("net.json nests brackets more than 32 deep at line 1, column"));
  CHECK_THROWS_WITH(parse_data(R"({"X": )" + deep + "}", "d.json"),
                    Contains("d.json nests brackets more than 32 deep"));
}

TEST_CASE("brackets inside strings do not count as nesting", "[files][hostile]") {
  const std::string name = "\"" + std::string(100, '[') + "\\\"" + "\"";
  CHECK_THROWS_WITH(parse_network(network_with_activation(name), "net.json"),
                    Contains("unknown activation"));
}

TEST_CASE("a message quotes a value from a file cut short, on one line", "[files][hostile]") {
  const std::string long_name = "\"" + std::string(5000, 'x') + "\"";
  const std::string message = message_of([&] { parse_network(network_with_activation(long_name), "n"); });
  check_one_short_line(message);
  CHECK_THAT(message, Contains("unknown activation \"xxxx") && Contains("…"));

  const std::string broken = message_of(
      [] { parse_network(network_with_activation("\"sig\\nmoid\\r\\u001b[2J\""), "n"); });
  check_one_short_line(broken);
  CHECK_THAT(broken, Contains("sig?moid?"));

  const std::string list = message_of(
      [] { parse_data(R"({"X": [[[1, 2, 3]]], "y": [[1]]})", "d.json"); });
  CHECK(list == "d.json: X[1][1] is a list of 3 items, not a number; write a plain number such as 0.5");
  check_one_short_line(message_of(
      [] { parse_network(R"({"cost": "sse", "layers": [{"W": [[1]], "activation": "sigmoid"}], "layout": {"a": [1, 2]}})", "n"); }));
}

TEST_CASE("a JSON file of more values than the limit is refused before it is parsed",
          "[files][hostile]") {
  std::string many = "{\"X\": [[0";
  many.reserve(40000100);
  for (std::size_t i = 0; i < 20000000; ++i) many += ",0";
  many += "]], \"y\": [[0]]}";
  CHECK_THROWS_WITH(parse_data(many, "d.json"),
                    "d.json holds more than 20,000,000 values; the workbook reads at most that many "
                    "from one file (see Limits in the README)");
}

TEST_CASE("a network beyond the limits of layers, units or weights is refused",
          "[files][hostile]") {
  std::string layers;
  for (int l = 0; l <= 100; ++l)
    layers += std::string(l ? "," : "") + R"({"W": [[1]], "activation": "sigmoid"})";
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layers": [)" + layers + "]}", "n"),
                    Contains("n has 101 layers; the workbook takes at most 100"));

  std::string wide = "[[0";
  for (int i = 0; i < 100000; ++i) wide += ",0";
  wide += "]]";
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layers": [{"W": )" + wide +
                                      R"(, "activation": "sigmoid"}]})", "n"),
                    Contains("n: layer 1 W has 100,001 rows or columns; the workbook takes at most "
                             "100,000 units per layer"));

  // 1,500 × 1,500 weights: 2,250,000.
  std::string row = "[0";
  for (int c = 1; c < 1500; ++c) row += ",0";
  row += "]";
  std::string square = "[" + row;
  for (int r = 1; r < 1500; ++r) square += "," + row;
  square += "]";
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layers": [{"W": )" + square +
                                      R"(, "activation": "sigmoid"}]})", "n"),
                    Contains("n has 2,250,000 weights and biases; the workbook takes at most 2,000,000"));
}

TEST_CASE("a data file of more samples than the limit is refused", "[files][hostile]") {
  std::string rows = "[[0]";
  for (int i = 0; i < 1000000; ++i) rows += ",[0]";
  rows += "]";
  CHECK_THROWS_WITH(parse_data(R"({"X": )" + rows + R"(, "y": )" + rows + "}", "d.json"),
                    "d.json: X holds 1,000,001 samples; the workbook takes at most 1,000,000 (see "
                    "Limits in the README)");
}

TEST_CASE("data that would make a layer's activations too large is refused before they are made",
          "[files][hostile]") {
  // A 1-100000-1 network (300,001 weights) on 1,001 samples: Z⁽²⁾ would be
  // 1,001 × 100,000, more than 100,000,000 numbers.
  const Network net = random_network({{1, 100000, 1}, {sigmoid(), identity()}, mse(), true}, 1);
  Dataset data{xt::zeros<double>({std::size_t{1001}, std::size_t{1}}),
               xt::zeros<double>({std::size_t{1001}, std::size_t{1}}), {}};
  CHECK_THROWS_WITH(fit_data(net, data),
                    Contains("1,001 samples through a layer of 100,000 units make more than the "
                             "100,000,000 numbers the workbook takes in one matrix"));
}

TEST_CASE("a network or data file that is a folder, too large or endless is one line",
          "[files][hostile]") {
  CHECK_THROWS_WITH(load_network(scratch().string()),
                    Contains("is a folder, not a network file; give the path of the file inside it"));
  const fs::path big = scratch() / "big.json";
  { std::ofstream(big) << "{}"; }
  fs::resize_file(big, (std::uintmax_t{129} << 20));  // sparse: nothing is written
  CHECK_THROWS_WITH(load_data(big.string()),
                    Contains("data file '" + big.string() + "' is 129 MiB; the workbook reads files "
                             "of up to 128 MiB"));
  CHECK_THROWS_WITH(load_network("/dev/zero"),
                    Contains("network file '/dev/zero' goes on past 128 MiB"));
  fs::remove(big);
}
