#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include <bpw/csv.hpp>
#include <bpw/errors.hpp>
#include <bpw/idx.hpp>

using namespace bpw;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

// The fixtures of make_idx_fixtures, made once per process: CTest runs test
// cases in parallel processes, which must not write the same files.
fs::path fixtures() {
  static const fs::path dir = [] {
    const fs::path d = fs::temp_directory_path() / ("bpw_idx_fixtures_" + std::to_string(getpid()));
    const std::string command = std::string(BPW_FIXTURE_MAKER) + " " + d.string();
    REQUIRE(std::system(command.c_str()) == 0);
    return d;
  }();
  return dir;
}

std::string csv_file(const std::string& name, const std::string& text) {
  const fs::path path = fs::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("an IDX directory reads gzipped and plain files alike, kept as bytes, one-hot",
          "[idx][data]") {
  const Split s = load_idx_directory((fixtures() / "good").string());
  CHECK(samples(s.train) == 10);
  CHECK(features(s.train) == 6);
  CHECK(s.train.X.size() == 0);  // the pixels stay bytes until a batch is gathered
  // pixel i is (37 i) mod 256; image 1's second pixel is 37
  CHECK(s.train.pixels(0, 1) == 37);
  CHECK(s.train.pixels(1, 0) == 6 * 37 % 256);
  CHECK(s.train.y.shape(1) == 10);
  CHECK(s.train.y(4, 1) == 1.0);  // label 4 mod 3 = 1
  CHECK((s.test.pixels == s.train.pixels));
  // Gathered, a row becomes doubles byte / 255, the same numbers as dividing each pixel.
  const std::vector<std::size_t> rows = {1, 0};
  const Dataset batch = rows_of(s.train, rows);
  CHECK(batch.X(1, 1) == 37.0 / 255.0);
  CHECK(batch.X(0, 0) == (6 * 37 % 256) / 255.0);
  for (std::size_t k = 0; k < 10; ++k) CHECK(batch.y(0, k) == s.train.y(1, k));
}

TEST_CASE("a damaged IDX file is one clear line", "[idx][bad-input]") {
  CHECK_THROWS_WITH(load_idx_directory((fixtures() / "truncated").string()),
                    Contains("is cut short or corrupt"));
  CHECK_THROWS_WITH(load_idx_directory((fixtures() / "corrupt").string()),
                    Contains("is cut short or corrupt"));
  CHECK_THROWS_WITH(load_idx_directory((fixtures() / "mismatch").string()),
                    Contains("holds 10 images but") && Contains("holds 9 labels"));
  CHECK_THROWS_WITH(load_idx_directory("/no/such/dir"), Contains("is not a directory"));
  const fs::path empty = fs::temp_directory_path() / "bpw_empty_idx";
  fs::create_directories(empty);
  CHECK_THROWS_WITH(load_idx_directory(empty.string()), Contains("has no train-images-idx3-ubyte[.gz]"));
  const std::string not_idx = csv_file("bpw_not_idx", "hello, world\n");
  CHECK_THROWS_WITH(load_idx(not_idx, not_idx), Contains("is not an IDX file"));
}

TEST_CASE("a CSV file with a header and class labels", "[csv][data]") {
  const auto d = load_csv(csv_file("bpw_iris.csv", "length,width,kind\n1.5,0.2,setosa\n4.7,1.4,versicolor\n1.4,0.3,setosa\n"));
  CHECK((d.data.X == Matrix{{1.5, 0.2}, {4.7, 1.4}, {1.4, 0.3}}));
  CHECK(d.classes);
  CHECK(d.class_names == std::vector<std::string>{"setosa", "versicolor"});
  CHECK((d.data.y == Matrix{{1, 0}, {0, 1}, {1, 0}}));
}

TEST_CASE("a CSV file without a header, numeric targets chosen by number", "[csv][data]") {
  const auto d = load_csv(csv_file("bpw_numbers.csv", "1,10,2\n3,30,4\n"), "2");
  CHECK_FALSE(d.classes);
  CHECK((d.data.X == Matrix{{1, 2}, {3, 4}}));
  CHECK((d.data.y == Matrix{{10}, {30}}));
  CHECK((load_csv(csv_file("bpw_digits.csv", "0.5,2\n0.1,0\n"), "last", true).data.y == Matrix{{1, 0}, {0, 1}}));
}

TEST_CASE("every CSV mistake is one line with its place", "[csv][bad-input]") {
  CHECK_THROWS_WITH(load_csv(csv_file("bpw_ragged.csv", "a,b,c\n1,2,3\n4,5\n")),
                    Contains("line 3 has 2 fields but the header has 3"));
  CHECK_THROWS_WITH(load_csv(csv_file("bpw_text.csv", "1,2,3\n4,five,6\n")),
                    Contains("line 2 column 2 is 'five', not a finite number"));
  CHECK_THROWS_WITH(load_csv(csv_file("bpw_target.csv", "1,2,3\n"), "7"),
                    Contains("has no target column '7'"));
  CHECK_THROWS_WITH(load_csv("/no/such.csv"), Contains("cannot open CSV file"));
  CHECK_THROWS_WITH(load_csv(csv_file("bpw_blank.csv", "\n\n")), Contains("holds no data rows"));
}
