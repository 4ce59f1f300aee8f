#include "bpw/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bpw/errors.hpp"

namespace bpw {
namespace {

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) {
    const auto first = field.find_first_not_of(" \t\r\"");
    const auto last = field.find_last_not_of(" \t\r\"");
    fields.push_back(first == std::string::npos ? "" : field.substr(first, last - first + 1));
  }
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

bool is_number(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return *end == '\0';
}

std::vector<std::size_t> target_columns(const std::string& spec, const std::vector<std::string>& header,
                                        std::size_t columns, const std::string& path) {
  if (spec == "last") return {columns - 1};
  std::vector<std::size_t> out;
  std::istringstream in(spec);
  for (std::string name; std::getline(in, name, ',');) {
    const auto named = std::find(header.begin(), header.end(), name);
    double number = 0;
    if (named != header.end()) {
      out.push_back(static_cast<std::size_t>(named - header.begin()));
    } else if (is_number(name, number) && number >= 1 && number <= static_cast<double>(columns) &&
               number == std::floor(number)) {
      out.push_back(static_cast<std::size_t>(number) - 1);
    } else {
      throw UsageError("'" + path + "' has no target column '" + name + "'; name one of its " +
                       std::to_string(columns) + " columns by number (1 to " + std::to_string(columns) +
                       ")" + (header.empty() ? "" : " or by its header name") + ", or say last");
    }
  }
  if (out.size() >= columns)
    throw UsageError("'" + path + "': every column is a target; leave at least one for the inputs");
  return out;
}

}  // namespace

CsvData load_csv(const std::string& path, const std::string& targets, bool classes) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot open CSV file '" + path + "'; check the path");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> line_numbers;
  std::vector<std::string> header;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::vector<std::string> fields = fields_of(line);
    double ignored = 0;
    // A first line with a field that is not a number is the header.
    if (rows.empty() && header.empty() &&
        std::any_of(fields.begin(), fields.end(), [&](const std::string& f) { return !is_number(f, ignored); }) &&
        std::none_of(fields.begin(), fields.end(), [&](const std::string& f) { return is_number(f, ignored); })) {
      header = std::move(fields);
      continue;
    }
    const std::size_t expected = header.empty() ? (rows.empty() ? fields.size() : rows[0].size()) : header.size();
    if (fields.size() != expected)
      throw UsageError("'" + path + "' line " + std::to_string(line_number) + " has " +
                       std::to_string(fields.size()) + " fields but " +
                       (header.empty() ? "the first row has " : "the header has ") +
                       std::to_string(expected) + "; every row needs the same number of commas");
    rows.push_back(std::move(fields));
    line_numbers.push_back(line_number);
  }
  if (rows.empty()) throw UsageError("'" + path + "' holds no data rows; give one sample per line");
  const std::size_t columns = rows[0].size();
  if (columns < 2) throw UsageError("'" + path + "' has one column; it needs inputs and a target");
  const std::vector<std::size_t> target = target_columns(targets, header, columns, path);

  // Class labels: a single target column asked to be classes, or not all numbers.
  double value = 0;
  const bool labels = target.size() == 1 &&
                      (classes || std::any_of(rows.begin(), rows.end(), [&](const auto& r) {
                         return !is_number(r[target[0]], value);
                       }));
  CsvData out;
  out.classes = labels;
  if (labels)
    for (const auto& r : rows)
      if (std::find(out.class_names.begin(), out.class_names.end(), r[target[0]]) == out.class_names.end())
        out.class_names.push_back(r[target[0]]);

  const std::size_t M = rows.size(), inputs = columns - target.size();
  out.data.X = Matrix({M, inputs});
  out.data.y = xt::zeros<double>({M, labels ? out.class_names.size() : target.size()});
  for (std::size_t m = 0; m < M; ++m) {
    std::size_t x = 0, t = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      const bool is_target = std::find(target.begin(), target.end(), c) != target.end();
      if (is_target && labels) {
        const auto k = std::find(out.class_names.begin(), out.class_names.end(), rows[m][c]);
        out.data.y(m, static_cast<std::size_t>(k - out.class_names.begin())) = 1.0;
        continue;
      }
      if (!is_number(rows[m][c], value) || !std::isfinite(value))
        throw UsageError("'" + path + "' line " + std::to_string(line_numbers[m]) + " column " +
                         std::to_string(c + 1) + " is '" + rows[m][c] +
                         "', not a finite number; inputs and numeric targets must be numbers");
      if (is_target) out.data.y(m, t++) = value;
      else out.data.X(m, x++) = value;
    }
  }
  return out;
}

}  // namespace bpw
