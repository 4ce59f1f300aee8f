// Fuzz target: a CSV file and its --targets. The first line of the input is
// the --targets value (a leading '!' stands for --classes); the rest is the file.
#include <algorithm>
#include <cmath>

#include "bpw/csv.hpp"
#include "fuzz.hpp"

using namespace bpw;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::bytes(data, size);
  const std::size_t end = std::min(input.find('\n'), input.size());
  std::string targets(input.substr(0, end));
  const bool classes = !targets.empty() && targets[0] == '!';
  if (classes) targets.erase(0, 1);
  const std::string_view text = end < input.size() ? input.substr(end + 1) : std::string_view();
  fuzz::expect_usage_errors([&] {
    const CsvData csv = parse_csv(text, "'fuzz.csv'", targets, classes);
    const Dataset& d = csv.data;
    fuzz::require(d.X.shape(0) > 0 && d.X.shape(0) == d.y.shape(0) && d.X.shape(1) > 0 &&
                      d.y.shape(1) > 0,
                  "a loaded CSV has samples, inputs and targets");
    fuzz::require(std::all_of(d.X.begin(), d.X.end(), [](double v) { return std::isfinite(v); }),
                  "every input is a finite number");
    if (csv.classes) {
      fuzz::require(csv.class_names.size() == d.y.shape(1), "a class per one-hot column");
      for (std::size_t m = 0; m < d.y.shape(0); ++m) {
        double ones = 0;
        for (std::size_t k = 0; k < d.y.shape(1); ++k) ones += d.y(m, k);
        fuzz::require(ones == 1.0, "each row of classes is one-hot");
      }
    }
  });
  return 0;
}
