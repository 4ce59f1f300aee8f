// The limits (bpw/limits.hpp) and the README's table of them.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <iterator>

#include <bpw/limits.hpp>

#include "hostile.hpp"

using namespace bpw;
using namespace hostile;
using Catch::Contains;

TEST_CASE("the README's table of limits states the limits the code enforces", "[hostile][docs]") {
  std::ifstream in(std::string(BPW_SOURCE_DIR) + "/README.md");
  const std::string readme{std::istreambuf_iterator<char>(in), {}};
  const auto start = readme.find("## Limits and bad input");
  REQUIRE(start != std::string::npos);
  const std::string section = readme.substr(start, readme.find("\n## ", start + 1) - start);
  const auto row = [&](const std::string& what) {
    const auto at = section.find("| " + what + " |");
    REQUIRE(at != std::string::npos);
    return section.substr(at, section.find('\n', at) - at);
  };
  using limits::grouped;
  CHECK_THAT(row("a network"), Contains(grouped(limits::layers) + " layers of weights, " +
                                        grouped(limits::units) + " units in a layer, " +
                                        grouped(limits::parameters) + " weights and biases"));
  // 784-100-10 with biases: (784 + 1) · 100 + (100 + 1) · 10 = 78,500 + 1,010.
  CHECK_THAT(row("a network"), Contains("79,510"));
  CHECK_THAT(row("a data set"), Contains(grouped(limits::samples) + " samples; " +
                                         grouped(limits::values) + " numbers in X"));
  CHECK_THAT(row("a training run"), Contains(grouped(limits::steps) + " steps"));
  CHECK_THAT(row("a JSON or CSV file"),
             Contains(grouped(limits::file_bytes >> 20) + " MiB; JSON brackets nested " +
                      grouped(limits::json_depth) + " deep and " + grouped(limits::json_values) +
                      " values"));
  CHECK_THAT(row("an IDX file"), Contains(grouped(limits::gzip_ratio) + " times its size"));
  CHECK_THAT(section, Contains("`--hidden` takes 1 to " + grouped(limits::units) + " units and `--samples` 1 to " +
                               grouped(limits::samples) + " points"));
}
