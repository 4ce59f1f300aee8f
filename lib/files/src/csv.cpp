#include "bpw/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "bpw/errors.hpp"
#include "bpw/limits.hpp"
#include "input.hpp"

namespace bpw {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// The fields of a line, trimmed of spaces and quotes, into `fields`; the views
// point into the line.
void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  for (std::size_t start = 0;;) {
    const std::size_t comma = line.find(',', start);
    std::string_view field = line.substr(start, comma == std::string_view::npos ? comma : comma - start);
    const auto first = field.find_first_not_of(" \t\r\"");
    const auto last = field.find_last_not_of(" \t\r\"");
    fields.push_back(first == std::string_view::npos ? std::string_view() : field.substr(first, last - first + 1));
    if (comma == std::string_view::npos) return;
    start = comma + 1;
  }
}

bool is_number(std::string_view text, double& value) {
  if (text.empty()) return false;
  thread_local std::string terminated;  // strtod reads up to a '\0'
  terminated.assign(text);
  char* end = nullptr;
  value = std::strtod(terminated.c_str(), &end);
  return *end == '\0';
}

bool is_number(std::string_view text) {
  double ignored = 0;
  return is_number(text, ignored);
}

// A data row: its text and its line number in the file.
struct Row {
  std::string_view text;
  std::size_t line;
};

std::vector<std::size_t> target_columns(const std::string& spec, const std::vector<std::string>& header,
                                        std::size_t columns, const std::string& source) {
  const std::string choices = "name one of its " + std::to_string(columns) + " columns by number (1 to " +
                              std::to_string(columns) + ")" +
                              (header.empty() ? "" : " or by its header name") + ", or say last";
  if (spec.empty()) throw UsageError(source + ": --targets is empty; " + choices);
  std::vector<std::size_t> out;
  for (std::size_t start = 0;;) {
    const std::size_t comma = spec.find(',', start);
    const std::string name = spec.substr(start, comma == std::string::npos ? comma : comma - start);
    if (name.empty())
      throw UsageError(source + ": --targets '" + excerpt(spec) + "' has an empty column name; " +
                       "separate the columns by single commas, such as 2,4");
    const auto named = std::find(header.begin(), header.end(), name);
    double number = 0;
    std::size_t column = 0;
    if (named != header.end()) {
      column = static_cast<std::size_t>(named - header.begin());
    } else if (name == "last") {
      column = columns - 1;
    } else if (is_number(name, number) && number >= 1 && number <= static_cast<double>(columns) &&
               number == std::floor(number)) {
      column = static_cast<std::size_t>(number) - 1;
    } else {
      throw UsageError(source + " has no target column '" + excerpt(name) + "'; " + choices);
    }
    if (std::find(out.begin(), out.end(), column) != out.end())
      throw UsageError(source + ": --targets " + excerpt(spec) + " names column " +
                       std::to_string(column + 1) +
                       (header.empty() ? "" : " (" + excerpt(header[column]) + ")") +
                       " twice; name each target column once");
    out.push_back(column);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (out.size() >= columns)
    throw UsageError(source + ": every column is a target; leave at least one for the inputs");
  return out;
}

[[noreturn]] void beyond_limit(const std::string& source, const std::string& what) {
  throw UsageError(source + " " + what + " (see Limits in the README)");
}

// The lines of a file: the header, if any, and the data rows, all of one length.
struct Lines {
  std::vector<std::string> header;
  std::vector<Row> rows;
  std::size_t columns = 0;
};

// First pass: the header, the rows and their length; no value is kept yet.
Lines read_lines(std::string_view text, const std::string& source) {
  // A byte-order mark (as spreadsheets write UTF-8) is no part of the first column's name.
  if (text.substr(0, byte_order_mark.size()) == byte_order_mark) text.remove_prefix(byte_order_mark.size());
  Lines out;
  std::vector<std::string_view> fields;
  std::size_t line_number = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    split_fields(line, fields);
    // A first line without a single number is the header.
    if (out.columns == 0 && std::none_of(fields.begin(), fields.end(),
                                         [](std::string_view f) { return is_number(f); })) {
      out.header.assign(fields.begin(), fields.end());
      out.columns = out.header.size();
      continue;
    }
    if (out.columns == 0) out.columns = fields.size();
    if (fields.size() != out.columns)
      throw UsageError(source + " line " + std::to_string(line_number) + " has " +
                       std::to_string(fields.size()) + " fields but " +
                       (out.header.empty() ? "the first row has " : "the header has ") +
                       std::to_string(out.columns) + "; every row needs the same number of commas");
    if (out.rows.size() == limits::samples)
      beyond_limit(source, "has more than " + limits::grouped(limits::samples) +
                               " rows of data; the workbook takes at most that many samples");
    out.rows.push_back({line, line_number});
  }
  if (out.rows.empty()) throw UsageError(source + " holds no data rows; give one sample per line");
  if (out.columns < 2) throw UsageError(source + " has one column; it needs inputs and a target");
  return out;
}

// Class labels: a single target column asked to be classes, or not all numbers.
// Sets out.classes and out.class_names; the class of each row, when classes.
std::vector<std::size_t> class_labels(const Lines& lines, const std::vector<std::size_t>& target,
                                      bool classes, const std::string& source, CsvData& out) {
  const std::size_t M = lines.rows.size();
  std::vector<std::string_view> fields;
  if (target.size() == 1) {
    bool numbers = !classes;
    for (std::size_t m = 0; m < M && numbers; ++m) {
      split_fields(lines.rows[m].text, fields);
      numbers = is_number(fields[target[0]]);
    }
    out.classes = !numbers;
  }
  std::vector<std::size_t> label(M);
  if (!out.classes) return label;
  std::unordered_map<std::string_view, std::size_t> class_of;
  for (std::size_t m = 0; m < M; ++m) {
    split_fields(lines.rows[m].text, fields);
    const auto [it, added] = class_of.try_emplace(fields[target[0]], out.class_names.size());
    if (added) out.class_names.emplace_back(fields[target[0]]);
    label[m] = it->second;
  }
  if (limits::product(M, out.class_names.size()) > limits::values)
    beyond_limit(source, "column " + std::to_string(target[0] + 1) + " holds " +
                             limits::grouped(out.class_names.size()) + " different labels: as " +
                             "one-hot targets of " + limits::grouped(M) + " samples that is more " +
                             "than the " + limits::grouped(limits::values) + " numbers the " +
                             "workbook takes in y; is it the column of classes?");
  return label;
}

// Second pass: every input into X and every target into y (one-hot for classes).
void read_values(const Lines& lines, const std::vector<std::size_t>& target,
                 const std::vector<std::size_t>& label, const std::string& source, CsvData& out) {
  const std::size_t M = lines.rows.size(), columns = lines.columns;
  // Role of each column: an input (its place in X) or a target (its place in y).
  std::vector<std::size_t> place(columns);
  std::vector<bool> is_target(columns, false);
  for (std::size_t t = 0; t < target.size(); ++t) {
    is_target[target[t]] = true;
    place[target[t]] = t;
  }
  for (std::size_t c = 0, x = 0; c < columns; ++c)
    if (!is_target[c]) place[c] = x++;

  out.data.X = Matrix({M, columns - target.size()});
  out.data.y = xt::zeros<double>({M, out.classes ? out.class_names.size() : target.size()});
  std::vector<std::string_view> fields;
  double value = 0;
  for (std::size_t m = 0; m < M; ++m) {
    split_fields(lines.rows[m].text, fields);
    if (out.classes) out.data.y(m, label[m]) = 1.0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (is_target[c] && out.classes) continue;
      if (!is_number(fields[c], value) || !std::isfinite(value))
        throw UsageError(source + " line " + std::to_string(lines.rows[m].line) + " column " +
                         std::to_string(c + 1) + " is '" + excerpt(fields[c]) +
                         "', not a finite number; inputs and numeric targets must be numbers");
      (is_target[c] ? out.data.y(m, place[c]) : out.data.X(m, place[c])) = value;
    }
  }
}

}  // namespace

CsvData parse_csv(std::string_view text, const std::string& source, const std::string& targets,
                  bool classes) {
  const Lines lines = read_lines(text, source);
  const std::vector<std::size_t> target = target_columns(targets, lines.header, lines.columns, source);
  const std::size_t M = lines.rows.size(), inputs = lines.columns - target.size();
  if (limits::product(M, inputs) > limits::values)
    beyond_limit(source, "holds " + limits::grouped(M) + " samples of " + limits::grouped(inputs) +
                             " inputs; the workbook takes at most " + limits::grouped(limits::values) +
                             " numbers in X");
  CsvData out;
  const std::vector<std::size_t> label = class_labels(lines, target, classes, source, out);
  read_values(lines, target, label, source, out);
  return out;
}

CsvData load_csv(const std::string& path, const std::string& targets, bool classes) {
  return parse_csv(read_input_file(path, "CSV"), "'" + path + "'", targets, classes);
}

}  // namespace bpw
