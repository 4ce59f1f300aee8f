// Hostile CSV files and --targets: repeated or empty targets, a byte-order
// mark, files beyond the limits. One line each, before the matrices are made.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/errors.hpp>
#include <bpw/csv.hpp>

#include "hostile.hpp"

using namespace bpw;
using namespace hostile;
using Catch::Contains;

TEST_CASE("a CSV target column named twice is refused, not written past X", "[csv][hostile]") {
  const std::string path = file_with("twice.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n");
  CHECK_THROWS_WITH(load_csv(path, "1,1"),
                    Contains("--targets 1,1 names column 1 (a) twice; name each target column once"));
  CHECK_THROWS_WITH(load_csv(path, "a,1"), Contains("--targets a,1 names column 1 (a) twice"));
  CHECK_THROWS_WITH(load_csv(path, "c,last"), Contains("names column 3 (c) twice"));
}

TEST_CASE("empty CSV targets are refused", "[csv][hostile]") {
  const std::string path = file_with("targets.csv", "1,2,3\n4,5,6\n");
  CHECK_THROWS_WITH(load_csv(path, ""),
                    Contains("--targets is empty; name one of its 3 columns by number (1 to 3), or say last"));
  CHECK_THROWS_WITH(load_csv(path, "1,"), Contains("--targets '1,' has an empty column name"));
  CHECK_THROWS_WITH(load_csv(path, "1,,2"), Contains("--targets '1,,2' has an empty column name"));
  CHECK_THROWS_WITH(load_csv(path, ","), Contains("has an empty column name"));
}

TEST_CASE("a CSV byte-order mark is no part of the first column's name", "[csv][hostile]") {
  const auto named = load_csv(file_with("bom.csv", "\xEF\xBB\xBFkind,x\nsetosa,1.5\nother,4.7\n"), "kind");
  CHECK((named.data.X == Matrix{{1.5}, {4.7}}));
  CHECK(named.class_names == std::vector<std::string>{"setosa", "other"});
  const auto numbers = load_csv(file_with("bom_numbers.csv", "\xEF\xBB\xBF" "1,2\n3,4\n"));
  CHECK((numbers.data.X == Matrix{{1}, {3}}));
  CHECK((numbers.data.y == Matrix{{2}, {4}}));
}

TEST_CASE("a CSV beyond the limits is refused before its matrices are made", "[csv][hostile]") {
  std::string rows;
  rows.reserve(4000004);
  for (int i = 0; i <= 1000000; ++i) rows += "0,0\n";
  CHECK_THROWS_WITH(load_csv(file_with("long.csv", rows)),
                    Contains("has more than 1,000,000 rows of data; the workbook takes at most that "
                             "many samples (see Limits in the README)"));

  // 12,000 samples, each its own class: a one-hot y of 144,000,000 numbers.
  std::string labels;
  for (int i = 0; i < 12000; ++i) labels += "1,label" + std::to_string(i) + "\n";
  CHECK_THROWS_WITH(load_csv(file_with("labels.csv", labels)),
                    Contains("column 2 holds 12,000 different labels: as one-hot targets of 12,000 "
                             "samples that is more than the 100,000,000 numbers the workbook takes in "
                             "y; is it the column of classes?"));
}

TEST_CASE("a CSV message quotes a field cut short, on one line", "[csv][hostile]") {
  const std::string message =
      message_of([] { load_csv(file_with("field.csv", "1,2\n" + std::string(10000, 'z') + "\r\x1b,3\n")); });
  check_one_short_line(message);
  CHECK_THAT(message, Contains("line 2 column 1 is 'zzz") && Contains("…"));
  CHECK_THROWS_WITH(load_csv(scratch().string()), Contains("is a folder, not a CSV file"));
}
