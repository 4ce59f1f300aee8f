#include "bpw/files.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bpw/errors.hpp"
#include "bpw/json_matrix.hpp"
#include "bpw/limits.hpp"
#include "bpw/superscript.hpp"
#include "input.hpp"

namespace bpw {
namespace {

using json = nlohmann::json;

// "line 3, column 7" of a byte offset, for a parse error a person can find.
std::string position_of(const std::string& text, std::size_t byte) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Where the first number with an exponent beyond the range of a double stands.
std::string huge_number_at(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != 'e' && text[i] != 'E') continue;
    std::size_t start = i;
    while (start > 0 && (std::isdigit(static_cast<unsigned char>(text[start - 1])) ||
                         text[start - 1] == '.' || text[start - 1] == '-'))
      --start;
    std::size_t end = i + 1;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '+' || text[end] == '-'))
      ++end;
    const std::string literal = text.substr(start, end - start);
    if (start < i && !std::isfinite(std::strtod(literal.c_str(), nullptr)))
      return ", " + literal + " at " + position_of(text, start + 1);
  }
  return "";
}

// Before the parser sees the text: how deep its brackets go and how many
// values it holds, so that neither a file nested 20,000 deep nor one of a
// billion numbers reaches the parser, the matrices or a message.
void check_json_size(const std::string& text, const std::string& source) {
  std::size_t depth = 0, values = 1;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    } else if (c == '[' || c == '{') {
      if (++depth > limits::json_depth)
        throw UsageError(source + " nests brackets more than " + std::to_string(limits::json_depth) +
                         " deep at " + position_of(text, i + 1) +
                         "; a network or data file needs 5 at most: look for brackets that never close");
    }
    // Every value but the first follows a comma or an opening bracket.
    if ((c == ',' || c == '[' || c == '{') && ++values > limits::json_values)
      throw UsageError(source + " holds more than " + limits::grouped(limits::json_values) +
                       " values; the workbook reads at most that many from one file "
                       "(see Limits in the README)");
  }
}

// A value as a message quotes it: a list or an object only by its kind, never
// written out, and a string cut short.
std::string shown(const json& value) {
  if (value.is_string()) return "the string \"" + excerpt(value.get_ref<const std::string&>()) + "\"";
  if (value.is_array())
    return value.empty() ? "an empty list []"
                         : "a list of " + std::to_string(value.size()) +
                               (value.size() == 1 ? " item" : " items");
  if (value.is_object()) return "an object {…}";
  return value.dump();  // a number, true, false or null
}

json parse_json(const std::string& text, const std::string& source) {
  check_json_size(text, source);
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is one past the character where parsing failed (1-based).
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::size_t word = at;  // the start of the word the parser stopped in
    while (word > 0 && std::isalpha(static_cast<unsigned char>(text[word - 1]))) --word;
    const std::string_view rest = std::string_view(text).substr(std::min(word, text.size()));
    for (const std::string_view name : {"NaN", "nan", "Infinity", "infinity", "inf", "Inf"})
      if (rest.starts_with(name))
        throw UsageError(source + " holds " + std::string(name) + " at " + position_of(text, word + 1) +
                         ", which JSON cannot spell: every value must be a finite number; "
                         "remove the sample or give the value it should have");
    throw UsageError(source + " is not valid JSON: the text stops making sense at " +
                     position_of(text, e.byte) +
                     "; look there for a missing comma, quote or bracket");
  } catch (const json::out_of_range&) {
    // A number beyond ±1.8e308, the only way JSON can spell infinity.
    throw UsageError(source + " holds a number too large for a double" + huge_number_at(text) +
                     "; NaN and infinity cannot be used");
  }
}

const json& member(const json& object, const char* key, const std::string& where) {
  if (!object.is_object())
    throw UsageError(where + " must be a JSON object {…}");
  const auto it = object.find(key);
  if (it == object.end())
    throw UsageError(where + " has no \"" + key + "\"; add it");
  return *it;
}

double number_at(const json& value, const std::string& where) {
  if (!value.is_number())
    throw UsageError(where + " is " + shown(value) + ", not a number; write a plain number such as 0.5");
  const double v = value.get<double>();
  if (!std::isfinite(v))
    throw UsageError(where + " is not a finite number; NaN and infinity cannot be used");
  return v;
}

// A matrix written as rows: [[1, 2], [3, 4]]. All rows must be equally long.
Matrix matrix_at(const json& value, const std::string& where) {
  if (!value.is_array() || value.empty() || !value[0].is_array() || value[0].empty())
    throw UsageError(where + " must be a non-empty list of rows, such as [[1, 2], [3, 4]]");
  const std::size_t rows = value.size(), cols = value[0].size();
  Matrix m({rows, cols});
  for (std::size_t r = 0; r < rows; ++r) {
    const std::string row_name = where + " row " + std::to_string(r + 1);
    if (!value[r].is_array())
      throw UsageError(row_name + " is not a list of numbers; write it as [1, 2, …]");
    if (value[r].size() != cols)
      throw UsageError(row_name + " has " + std::to_string(value[r].size()) +
                       " numbers but row 1 has " + std::to_string(cols) +
                       "; every row needs the same length");
    for (std::size_t c = 0; c < cols; ++c)
      m(r, c) = number_at(value[r][c], where + "[" + std::to_string(r + 1) + "][" +
                                           std::to_string(c + 1) + "]");
  }
  return m;
}

// A bias written as a flat list [0.1, 0.2]: stored as the row [1 x n].
Matrix row_at(const json& value, const std::string& where) {
  if (!value.is_array() || value.empty())
    throw UsageError(where + " must be a non-empty list of numbers, such as [0.1, -0.2]");
  Matrix m({std::size_t{1}, value.size()});
  for (std::size_t c = 0; c < value.size(); ++c)
    m(0, c) = number_at(value[c], where + "[" + std::to_string(c + 1) + "]");
  return m;
}

Layout layout_at(const json& doc, const std::string& source, Layout otherwise) {
  if (!doc.contains("layout")) return otherwise;
  const json& name = doc["layout"];
  if (name == "rows") return Layout::rows;
  if (name == "columns") return Layout::columns;
  throw UsageError(source + ": \"layout\" is " + shown(name) +
                   "; write \"rows\" (one sample per row) or \"columns\" (one per column)");
}

// Written with samples as columns, W⁽ˡ⁾ is [outputs x inputs]: consecutive
// layers chain when the columns of one match the rows of the one before.
void check_column_chain(const std::vector<Layer>& written, const std::string& source) {
  for (std::size_t i = 1; i < written.size(); ++i) {
    const Matrix& before = written[i - 1].W;
    const Matrix& W = written[i].W;
    if (W.shape(1) != before.shape(0))
      throw ShapeError(source + ": layers " + std::to_string(i) + " and " + std::to_string(i + 1) +
                       " do not chain with samples as columns: " + at_layer("W", static_cast<int>(i)) +
                       " is " + to_string(shape_of(before)) + " (outputs × inputs) but " +
                       at_layer("W", static_cast<int>(i + 1)) + " is " + to_string(shape_of(W)) +
                       "; it needs " +
                       std::to_string(before.shape(0)) +
                       " columns. If the file lists W as inputs × outputs, say \"layout\": \"rows\"");
  }
}

// "fixed_biases": true holds the biases as they are through every update.
bool fixed_biases_of(const json& doc, const std::string& source) {
  if (!doc.contains("fixed_biases")) return false;
  if (!doc["fixed_biases"].is_boolean())
    throw UsageError(source + ": \"fixed_biases\" must be true or false");
  return doc["fixed_biases"].get<bool>();
}

// A key the format does not have is refused, not ignored: a misspelt "lamda"
// would otherwise leave λ at 0 without a word.
void refuse_unknown_keys(const json& object, std::initializer_list<std::string_view> known,
                         const std::string& where) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string keys;
    for (const std::string_view k : known) keys += (keys.empty() ? "\"" : ", \"") + std::string(k) + "\"";
    throw UsageError(where + " has the key \"" + excerpt(key) + "\", which the format does not know; its keys "
                     "are " + keys + " (check the spelling)");
  }
}

template <class Error>
[[noreturn]] void rethrow_with_source(const Error& e, const std::string& source) {
  throw Error(source + ": " + e.what());
}

// Layer i of a network file: W, b if given, and the activation, each checked.
Layer layer_at(const json& entry, const std::string& where) {
  Layer layer;
  refuse_unknown_keys(entry, {"W", "b", "activation"}, where);
  layer.W = matrix_at(member(entry, "W", where), where + " W");
  if (entry.contains("b")) {
    layer.b = row_at(entry["b"], where + " b");
    layer.has_bias = true;
  }
  const json& name = member(entry, "activation", where);
  if (!name.is_string()) throw UsageError(where + " \"activation\" must be a name such as \"sigmoid\"");
  try {
    // A name that is not one is quoted cut short, on one line.
    layer.f = activation_named(excerpt(name.get_ref<const std::string&>()));
  } catch (const UsageError& e) {
    rethrow_with_source(e, where);
  }
  for (const std::size_t units : {layer.W.shape(0), layer.W.shape(1)})
    if (units > limits::units)
      throw UsageError(where + " W has " + limits::grouped(units) + " rows or columns; the " +
                       "workbook takes at most " + limits::grouped(limits::units) +
                       " units per layer (see Limits in the README)");
  return layer;
}

// Every layer of a network file, within the limits on layers and parameters.
std::vector<Layer> layers_at(const json& doc, const std::string& source) {
  const json& layers = member(doc, "layers", source);
  if (!layers.is_array() || layers.empty())
    throw UsageError(source + ": \"layers\" must be a non-empty list of {\"W\": …} objects");
  if (layers.size() > limits::layers)
    throw UsageError(source + " has " + limits::grouped(layers.size()) + " layers; the workbook " +
                     "takes at most " + limits::grouped(limits::layers) + " (see Limits in the README)");
  std::vector<Layer> parsed;
  std::size_t parameters = 0;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    parsed.push_back(layer_at(layers[i], source + ": layer " + std::to_string(i + 1)));
    parameters += parsed.back().W.size() + parsed.back().b.size();
  }
  if (parameters > limits::parameters)
    throw UsageError(source + " has " + limits::grouped(parameters) + " weights and biases; the " +
                     "workbook takes at most " + limits::grouped(limits::parameters) +
                     " (see Limits in the README)");
  return parsed;
}

// "lambda" and "l2" of a network file: λ and the form of the penalty.
L2 l2_at(const json& doc, const std::string& source) {
  L2 l2;
  if (doc.contains("lambda")) l2.lambda = number_at(doc["lambda"], source + ": \"lambda\"");
  if (doc.contains("l2")) {
    if (doc["l2"] != "sum" && doc["l2"] != "mean")
      throw UsageError(source + ": \"l2\" is " + shown(doc["l2"]) +
                       "; write \"sum\" for J + (λ/2) Σ W² or \"mean\" for J/M + (λ/2) Σ W²");
    l2.averaged = doc["l2"] == "mean";
  }
  return l2;
}

}  // namespace

NetworkFile parse_network(const std::string& json_text, const std::string& source) {
  const json doc = parse_json(json_text, source);
  refuse_unknown_keys(doc, {"cost", "layers", "lambda", "l2", "layout", "fixed_biases"}, source);
  std::vector<Layer> parsed = layers_at(doc, source);
  const Layout layout = layout_at(doc, source, Layout::rows);
  if (layout == Layout::columns) {
    check_column_chain(parsed, source);
    for (Layer& layer : parsed) layer.W = transpose(layer.W);
  }
  const json& cost_name = member(doc, "cost", source);
  if (!cost_name.is_string())
    throw UsageError(source + ": \"cost\" must be a name such as \"sse\"");
  const L2 l2 = l2_at(doc, source);
  try {
    Network network(std::move(parsed), cost_named(excerpt(cost_name.get_ref<const std::string&>())));
    network.set_l2(l2);
    network.fix_biases(fixed_biases_of(doc, source));
    return {std::move(network), layout};
  } catch (const ShapeError& e) {
    rethrow_with_source(e, source);
  } catch (const UsageError& e) {
    rethrow_with_source(e, source);
  }
}

Dataset parse_data(const std::string& json_text, const std::string& source, Layout layout) {
  const json doc = parse_json(json_text, source);
  refuse_unknown_keys(doc, {"X", "y", "layout"}, source);
  const bool columns = layout_at(doc, source, layout) == Layout::columns;
  for (const char* name : {"X", "y"}) {
    const json& m = member(doc, name, source);
    std::size_t count = 0;
    if (m.is_array()) count = !columns ? m.size() : !m.empty() && m[0].is_array() ? m[0].size() : 0;
    if (count > limits::samples)
      throw UsageError(source + ": " + name + " holds " + limits::grouped(count) + " samples; " +
                       "the workbook takes at most " + limits::grouped(limits::samples) +
                       " (see Limits in the README)");
  }
  Dataset data{matrix_at(member(doc, "X", source), source + ": X"),
               matrix_at(member(doc, "y", source), source + ": y")};
  if (columns) {
    if (data.X.shape(1) != data.y.shape(1))
      throw ShapeError(source + ": with samples as columns X has " + std::to_string(data.X.shape(1)) +
                       " columns but y has " + std::to_string(data.y.shape(1)) +
                       "; give one target column per sample");
    return {transpose(data.X), transpose(data.y)};
  }
  if (data.X.shape(0) != data.y.shape(0))
    throw ShapeError(source + ": X has " + std::to_string(data.X.shape(0)) + " rows but y has " +
                     std::to_string(data.y.shape(0)) + "; give one target row per sample");
  return data;
}

std::string network_to_json(const Network& network, Layout layout) {
  const bool columns = layout == Layout::columns;
  json layers = json::array();
  for (int l = 1; l < network.L(); ++l) {
    const Layer& layer = network.layer(l);
    json entry = {{"W", rows_of(columns ? transpose(layer.W) : layer.W)}};
    if (layer.has_bias) entry["b"] = rows_of(layer.b)[0];
    entry["activation"] = std::string(layer.f.name);
    layers.push_back(std::move(entry));
  }
  json doc = {{"cost", std::string(network.cost().name)}, {"layers", std::move(layers)}};
  if (network.l2().active()) {
    doc["lambda"] = network.l2().lambda;
    doc["l2"] = network.l2().averaged ? "mean" : "sum";
  }
  if (columns) doc["layout"] = "columns";
  if (network.biases_fixed()) doc["fixed_biases"] = true;
  return doc.dump(2) + "\n";
}

NetworkFile load_network(const std::string& path) {
  return parse_network(read_input_file(path, "network"), "network file '" + path + "'");
}

Dataset load_data(const std::string& path, Layout layout) {
  return parse_data(read_input_file(path, "data"), "data file '" + path + "'", layout);
}

void save_network(const Network& network, Layout layout, const std::string& path) {
  try {
    write_text_file(path, network_to_json(network, layout));
  } catch (const UsageError& e) {
    throw UsageError(std::string("cannot write the network: ") + e.what());
  }
}

}  // namespace bpw
