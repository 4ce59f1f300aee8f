// json_lines_check < trace.jsonl
//
// Checks a chapter's --format json output: every line is one JSON object, every
// matrix record has the documented keys, a value whose shape matches "shape",
// and only finite numbers. Prints the first problem and exits 1, or exits 0.
#include <cmath>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

int main() {
  std::size_t line_number = 0, matrices = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_number;
    const auto fail = [&](const std::string& what) {
      std::cerr << "line " << line_number << ": " << what << "\n";
      return 1;
    };
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) return fail("not a JSON object");
    if (record.value("kind", "") != "matrix") continue;
    ++matrices;
    for (const char* key : {"eq", "symbol", "text", "latex", "layer", "shape", "value", "source"})
      if (!record.contains(key)) return fail(std::string("no \"") + key + "\"");
    const auto& value = record["value"];
    const std::size_t rows = record["shape"][0], cols = record["shape"][1];
    if (!value.is_array() || value.size() != rows) return fail("value does not have shape[0] rows");
    for (const auto& row : value) {
      if (!row.is_array() || row.size() != cols) return fail("a row does not have shape[1] numbers");
      for (const auto& v : row)
        if (!v.is_number() || !std::isfinite(v.get<double>())) return fail("a value is not a finite number");
    }
  }
  if (matrices == 0) {
    std::cerr << "no matrix records\n";
    return 1;
  }
  std::cout << "json_lines_check: " << line_number << " lines, " << matrices << " matrices\n";
  return 0;
}
