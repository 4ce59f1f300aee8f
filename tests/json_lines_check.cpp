// json_lines_check SCHEMA.md [SOURCE_ROOT] < trace.jsonl
//
// Holds a chapter's --format json output to the schema documented in
// docs/json.md: every line one JSON object of a documented kind, with every key
// of that kind, no other key, each of its documented type; a value whose shape
// matches "shape"; operands that point at earlier records. With SOURCE_ROOT,
// every "source" must land on the line that computed the value: a line of code
// that calls traced( with the value computed in its fourth argument (a call or
// an operator, not a variable traced after it was computed elsewhere), or the
// line that hands its own location on (take_step(, source_location::current()),
// or for a table the line that traces it; a given quantity (no equation number:
// X, y) on the traced( line that shows it. Prints the first problem and exits 1,
// or exits 0.
#include <algorithm>
#include <fstream>
#include <vector>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

using json = nlohmann::json;

namespace {

// kind → key → type, from the table rows "| kind | key | type | meaning |".
using Schema = std::map<std::string, std::map<std::string, std::string>>;

Schema read_schema(const std::string& path) {
  std::ifstream in(path);
  const std::regex row(R"(^\| (\w+) \| (\w+) \| (\w+) \|)");
  Schema schema;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row) && m[1] != "kind") schema[m[1]][m[2]] = m[3];
  }
  return schema;
}

bool is_shape(const json& v) {
  return v.is_array() && v.size() == 2 && v[0].is_number_unsigned() && v[1].is_number_unsigned();
}

bool is_matrix(const json& v) {
  if (!v.is_array()) return false;
  for (const json& row : v) {
    if (!row.is_array()) return false;
    for (const json& x : row)
      if (!x.is_number() && !x.is_null()) return false;
  }
  return true;
}

bool has_type(const json& v, const std::string& type) {
  if (type == "string") return v.is_string();
  if (type == "int") return v.is_number_integer();
  if (type == "bool") return v.is_boolean();
  if (type == "number") return v.is_number();
  if (type == "ints") return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_number_unsigned(); });
  if (type == "bools") return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_boolean(); });
  if (type == "shape") return is_shape(v);
  if (type == "matrix") return is_matrix(v);
  if (type == "strings") return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& s) { return s.is_string(); });
  if (type == "shapes") return v.is_array() && std::all_of(v.begin(), v.end(), is_shape);
  if (type == "samples")
    return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& s) {
             return s.is_object() && s["sample"].is_number_integer() && s["factors"].is_array() &&
                    s["value"].is_number();
           });
  if (type == "operands")
    return v.is_array() && std::all_of(v.begin(), v.end(), [](const json& o) {
             return o.is_object() && o.size() == 4 && o["symbol"].is_string() &&
                    o["ref"].is_number_integer() && is_shape(o["shape"]) && o["transposed"].is_boolean();
           });
  return false;
}

// The arguments of the call that opens at `text`'s first '(' , split at the
// commas outside brackets, as far as the line goes.
std::vector<std::string> arguments_of(const std::string& text) {
  std::vector<std::string> out(1);
  int depth = 0;
  for (std::size_t i = text.find('(') + 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '{' || c == '[') ++depth;
    if ((c == ')' || c == '}' || c == ']') && depth-- == 0) break;
    if (c == ',' && depth == 0)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// Why `source` ("path:line") is not the line that computed a record of `kind`, or "".
std::string misplaced(const std::string& root, const std::string& source, const std::string& kind,
                      bool given) {
  const auto colon = source.rfind(':');
  if (colon == std::string::npos) return "\"" + source + "\" is not path:line";
  std::ifstream in(root + "/" + source.substr(0, colon));
  const long wanted = std::stol(source.substr(colon + 1));
  std::string line;
  for (long n = 1; n <= wanted; ++n)
    if (!std::getline(in, line)) return source + " is past the end of its file, or no file";
  const std::string code = line.substr(0, line.find("//"));
  if (kind == "table") return code.find("table(") == std::string::npos ? source + " traces no table: " + line : "";
  if (code.find("take_step(") != std::string::npos || code.find("source_location::current()") != std::string::npos)
    return "";
  const auto at = code.find("traced(");
  if (at == std::string::npos) return source + " calls no traced(: " + line;
  const std::vector<std::string> args = arguments_of(code.substr(at));
  if (args.size() < 4) return source + " does not compute the value on the traced( line: " + line;
  const std::string& value = args[3];
  if (given) return "";  // data shown where the chapter shows it (X, y): no equation computes it
  const bool computes = value.find('(') != std::string::npos ||
                        value.find_first_of("+-*/?") != std::string::npos;
  return computes ? "" : source + " traces " + value + ", computed on another line: " + line;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: json_lines_check docs/json.md [SOURCE_ROOT] < trace.jsonl\n";
    return 2;
  }
  const std::string root = argc == 3 ? argv[2] : "";
  const Schema schema = read_schema(argv[1]);
  if (schema.empty()) {
    std::cerr << "no schema table in " << argv[1] << "\n";
    return 2;
  }
  std::size_t line_number = 0, matrices = 0;
  std::set<long> numbers;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_number;
    const auto fail = [&](const std::string& what) {
      std::cerr << "line " << line_number << ": " << what << "\n";
      return 1;
    };
    const json record = json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) return fail("not a JSON object");
    const auto kind = schema.find(record.value("kind", ""));
    if (kind == schema.end()) return fail("the kind " + record.value("kind", "?") + " is not documented");
    const bool optional_explanation = kind->first == "matrix";
    for (const auto& [key, type] : kind->second) {
      if (!record.contains(key)) {
        if (key == "explanation" && optional_explanation) continue;
        return fail("no \"" + key + "\"");
      }
      if (!has_type(record[key], type)) return fail("\"" + key + "\" is not of type " + type);
    }
    for (const auto& [key, value] : record.items())
      if (!kind->second.contains(key)) return fail("the key \"" + key + "\" is not documented");
    if (record.contains("shape")) {
      const std::size_t rows = record["shape"][0], cols = record["shape"][1];
      if (record["value"].size() != rows) return fail("value does not have shape[0] rows");
      for (const json& row : record["value"])
        if (row.size() != cols) return fail("a row does not have shape[1] numbers");
    }
    if (!root.empty() && record.contains("source") && !record["source"].get<std::string>().empty())
      if (const std::string why = misplaced(root, record["source"], kind->first,
                                                 record.value("eq", "x").empty());
          !why.empty()) return fail(why);
    if (kind->first != "matrix") continue;
    ++matrices;
    for (const json& operand : record["operands"])
      if (!numbers.contains(operand["ref"].get<long>())) return fail("an operand points at no earlier record");
    if (!numbers.insert(record["n"].get<long>()).second) return fail("the record number repeats");
  }
  if (matrices == 0) {
    std::cerr << "no matrix records\n";
    return 1;
  }
  std::cout << "json_lines_check: " << line_number << " lines, " << matrices << " matrices\n";
  return 0;
}
