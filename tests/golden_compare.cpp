// golden_compare EXPECTED ACTUAL [ABS_TOLERANCE [REL_TOLERANCE]]
//
// Compares a chapter's output with its golden file line by line: the text
// between numbers must be identical, and each number must agree within
// ABS + REL·|expected|. Prints the first difference and exits 1, or exits 0.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

namespace {

struct Tokens {
  std::vector<std::string> text;  // the pieces between numbers, one more than numbers
  std::vector<double> numbers;
};

Tokens tokenize(const std::string& line) {
  static const std::regex number(R"(-?\d+(\.\d+)?([eE][+-]?\d+)?)");
  Tokens t;
  std::size_t done = 0;
  for (std::sregex_iterator it(line.begin(), line.end(), number), end; it != end; ++it) {
    t.text.push_back(line.substr(done, it->position() - done));
    t.numbers.push_back(std::strtod(it->str().c_str(), nullptr));
    done = it->position() + it->length();
  }
  t.text.push_back(line.substr(done));
  return t;
}

std::vector<std::string> lines_of(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "golden_compare: cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: golden_compare EXPECTED ACTUAL [ABS [REL]]\n";
    return 2;
  }
  const double abs_tol = argc > 3 ? std::strtod(argv[3], nullptr) : 1e-12;
  const double rel_tol = argc > 4 ? std::strtod(argv[4], nullptr) : 1e-9;
  const auto expected = lines_of(argv[1]);
  const auto actual = lines_of(argv[2]);
  double largest = 0;
  for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string want = i < expected.size() ? expected[i] : "<end of file>";
    const std::string got = i < actual.size() ? actual[i] : "<end of file>";
    const Tokens a = tokenize(want), b = tokenize(got);
    bool same = a.text == b.text;
    for (std::size_t k = 0; same && k < a.numbers.size(); ++k) {
      const double diff = std::abs(a.numbers[k] - b.numbers[k]);
      largest = std::max(largest, diff);
      same = diff <= abs_tol + rel_tol * std::abs(a.numbers[k]);
    }
    if (!same) {
      std::cerr << "line " << i + 1 << " differs from the golden file " << argv[1]
                << "\n  expected: " << want << "\n  actual:   " << got << "\n";
      return 1;
    }
  }
  std::cout << "golden_compare: " << actual.size() << " lines agree; largest numeric difference "
            << largest << "\n";
  return 0;
}
