#include <cstdio>
#include <filesystem>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <bpw/files.hpp>

using namespace bpw;
using Catch::Contains;

const std::string two_layers = R"({"cost": "sse", "layers": [
  {"W": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], "activation": "sigmoid"},
  {"W": [[0.7], [0.8], [0.9]], "b": [0.05], "activation": "tanh"}]})";

TEST_CASE("a network file gives its weights, biases, activations and cost", "[files][unit]") {
  const Network net = parse_network(two_layers, "net.json").network;
  CHECK(net.L() == 3);
  CHECK(net.sizes() == std::vector<std::size_t>{2, 3, 1});
  CHECK(net.layer(1).W(1, 2) == 0.6);
  CHECK_FALSE(net.layer(1).has_bias);
  CHECK(net.layer(2).has_bias);
  CHECK((net.layer(2).b == Matrix{{0.05}}));
  CHECK(net.layer(2).f.name == "tanh");
  CHECK(net.cost().name == "sse");
}

TEST_CASE("a saved network loads back bit for bit", "[files][unit]") {
  const Network net = random_network({{2, 4, 3}, {relu(), identity()}, mse(), true}, 5);
  const Network back = parse_network(network_to_json(net), "saved").network;
  for (int l = 1; l < net.L(); ++l) {
    CHECK((back.layer(l).W == net.layer(l).W));
    CHECK((back.layer(l).b == net.layer(l).b));
    CHECK(back.layer(l).f.name == net.layer(l).f.name);
  }
  CHECK(back.cost().name == "mse");
  const auto path = std::filesystem::temp_directory_path() / "bpw_test_saved_network.json";
  save_network(net, Layout::rows, path.string());
  CHECK((load_network(path.string()).network.layer(2).W == net.layer(2).W));
  std::filesystem::remove(path);
}

TEST_CASE("a data file gives X and y", "[files][unit]") {
  const Dataset d = parse_data(R"({"X": [[1, 2], [3, 4]], "y": [[0.5], [1]]})", "d.json");
  CHECK((d.X == Matrix{{1, 2}, {3, 4}}));
  CHECK((d.y == Matrix{{0.5}, {1.0}}));
}

TEST_CASE("every mistake in a file is one line naming the place and the fix",
          "[files][bad-input]") {
  CHECK_THROWS_WITH(load_network("/no/such/net.json"),
                    "cannot open network file '/no/such/net.json': No such file or directory; "
                    "check the path");
  CHECK_THROWS_WITH(parse_data("{\"X\": [[1, 2],\n  [3 4]]}", "d.json"),
                    "d.json is not valid JSON: the text stops making sense at line 2, column 6; "
                    "look there for a missing comma, quote or bracket");
  CHECK_THROWS_WITH(parse_data(R"({"X": [[1, 2], [3]], "y": [[1], [2]]})", "d.json"),
                    "d.json: X row 2 has 1 numbers but row 1 has 2; every row needs the same length");
  CHECK_THROWS_WITH(parse_data(R"({"X": [[1, "two"]], "y": [[1]]})", "d.json"),
                    Contains("d.json: X[1][2] is the string \"two\", not a number"));
  CHECK_THROWS_WITH(parse_data(R"({"X": [[1, 1e999]], "y": [[1]]})", "d.json"),
                    "d.json holds a number too large for a double, 1e999 at line 1, column 12; "
                    "NaN and infinity cannot be used");
  CHECK_THROWS_WITH(parse_data(R"({"X": [[1, 2]]})", "d.json"), "d.json has no \"y\"; add it");
  CHECK_THROWS_WITH(parse_data(R"({"X": [[1, 2]], "y": [[1], [2]]})", "d.json"),
                    Contains("X has 1 rows but y has 2"));
  CHECK_THROWS_WITH(
      parse_network(R"({"cost": "sse", "layers": [{"W": [[1e999]], "activation": "relu"}]})", "n"),
      "n holds a number too large for a double, 1e999 at line 1, column 36; NaN and infinity "
      "cannot be used");
  CHECK_THROWS_WITH(
      parse_network(R"({"cost": "sse", "layers": [{"W": [[1]], "activation": "softplus"}]})", "n"),
      "n: layer 1: unknown activation \"softplus\"; choose one of sigmoid, tanh, relu, identity, softmax");
  CHECK_THROWS_WITH(
      parse_network(R"({"cost": "hinge", "layers": [{"W": [[1]], "activation": "relu"}]})", "n"),
      "n: unknown cost \"hinge\"; choose one of sse, mse, cross-entropy, softmax-cross-entropy");
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layers": [
                                      {"W": [[1, 2]], "activation": "relu"},
                                      {"W": [[1], [2], [3]], "activation": "relu"}]})", "n"),
                    Contains("n: layers 1 and 2 do not chain: W⁽¹⁾ is 1×2 but W⁽²⁾ is 3×1"));
  CHECK_THROWS_WITH(parse_network(R"({"cost": "sse", "layers": [
                                      {"W": [[1, 2]], "b": [1, 2, 3], "activation": "relu"}]})", "n"),
                    Contains("b⁽¹⁾ has 3 entries but W⁽¹⁾ is 1×2"));
  CHECK_THROWS_WITH(save_network(parse_network(two_layers, "n").network, Layout::rows,
                                 "/no/such/folder/out.json"),
                    Contains("cannot write the network: cannot write '/no/such/folder/out.json'"));
}
