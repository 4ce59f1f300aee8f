#include "claims.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "edits.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace claims {
namespace {

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A record's key as text: strings as they are, numbers and booleans as JSON writes them.
std::string text_of(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

// "kind=check passed=false text~overshoots": does the record have all of them?
bool matches(const json& record, const std::vector<std::string>& conditions) {
  for (const std::string& c : conditions) {
    const auto at = c.find_first_of("=~");
    if (at == std::string::npos) return false;
    const std::string key = c.substr(0, at), wanted = c.substr(at + 1);
    if (!record.contains(key)) return false;
    const std::string have = text_of(record[key]);
    if (c[at] == '=' ? have != wanted : have.find(wanted) == std::string::npos) return false;
  }
  return true;
}

// The first record that matches, or with the condition "last" the last one.
const json* first_match(const Run& run, std::vector<std::string> conditions) {
  const auto last = std::find(conditions.begin(), conditions.end(), "last");
  const bool from_the_end = last != conditions.end();
  if (from_the_end) conditions.erase(last);
  const json* found = nullptr;
  for (const json& record : run.records)
    if (matches(record, conditions)) {
      found = &record;
      if (!from_the_end) break;
    }
  return found;
}

// The value of the first record matching: a number, or element [1,1] of a
// matrix; a condition "at=R,C" picks element [R,C] (from 1, as printed),
// "at=last,C" column C of the last row.
std::optional<double> value_of(const Run& run, std::vector<std::string> conditions) {
  std::size_t row = 0, col = 0;
  for (auto it = conditions.begin(); it != conditions.end(); ++it)
    if (it->starts_with("at=")) {
      const std::string at = it->substr(3);
      row = at.starts_with("last,") ? std::string::npos : std::stoul(at) - 1;
      col = std::stoul(at.substr(at.find(',') + 1)) - 1;
      conditions.erase(it);
      break;
    }
  const json* r = first_match(run, conditions);
  if (!r || !r->contains("value")) return std::nullopt;
  const json& v = (*r)["value"];
  if (v.is_number()) return v.get<double>();
  if (row == std::string::npos && v.is_array() && !v.empty()) row = v.size() - 1;
  if (v.is_array() && row < v.size() && v[row].is_array() && col < v[row].size() && v[row][col].is_number())
    return v[row][col].get<double>();
  return std::nullopt;
}

std::string join(const std::vector<std::string>& v, std::size_t from = 0) {
  std::string out;
  for (std::size_t i = from; i < v.size(); ++i) out += (out.empty() ? "" : " ") + v[i];
  return out;
}

Run run_program(const std::vector<std::string>& argv, const Context& context, const Variant& variant) {
  std::string command = "cd '" + context.scratch + "' && ";
  if (!variant.library_dir.empty()) command += "LD_LIBRARY_PATH='" + variant.library_dir.string() + "' ";
  command += "'" + variant.program.string() + "'";
  bool format = false;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    command += " '" + argv[i] + "'";
    format = format || argv[i] == "--format";
  }
  if (!format) command += " --format json";
  const fs::path err = fs::path(context.scratch) / ".stderr";
  command += " 2> '" + err.string() + "' < /dev/null";
  Run run;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[65536];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.err = read(err);
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line, nullptr, false);
    if (!record.is_discarded()) run.records.push_back(record);
  }
  return run;
}

// The values of the first record matching in two runs.
std::pair<const json*, const json*> in_both(const Run& run, const Run& before, const std::vector<std::string>& c) {
  return {first_match(run, c), first_match(before, c)};
}

// One statement about the last run (and the one before it); empty when it holds.
std::string holds(const std::string& line, const Run& run, const Run& before, const Context& context) {
  const std::vector<std::string> w = words(line);
  const std::string& verb = w[0];
  const std::vector<std::string> rest(w.begin() + 1, w.end());
  if (verb == "exit")
    return run.status == std::stoi(w.at(1)) ? "" : fmt::format("exit status {}, not {}", run.status, w.at(1));
  if (verb == "stderr") {
    const std::string wanted = trim(line.substr(line.find('~') + 1));
    return run.err.find(wanted) != std::string::npos ? "" : "stderr lacks '" + wanted + "': " + run.err;
  }
  if (verb == "stdout") {
    const std::string wanted = trim(line.substr(line.find('~') + 1));
    return run.out.find(wanted) != std::string::npos ? "" : "stdout lacks '" + wanted + "'";
  }
  if (verb == "changed" || verb == "kept") {
    const auto [now, then] = in_both(run, before, rest);
    if (!now || !then) return "no record with " + join(rest) + " in both runs";
    const char* key = verb == "changed" ? "value" : "shape";
    return ((*now)[key] != (*then)[key]) == (verb == "changed") ? "" : std::string(key) + " is " + (*now)[key].dump();
  }
  if (verb == "has") return first_match(run, rest) ? "" : "no record with " + join(rest);
  if (verb == "lacks") return first_match(run, rest) ? "a record with " + join(rest) : "";
  if (verb == "file")
    return fs::exists(fs::path(context.scratch) / w.at(1)) ? "" : "no file " + w.at(1);
  if (verb == "count") {
    const std::vector<std::string> conditions(w.begin() + 1, w.end() - 2);
    const long n = std::count_if(run.records.begin(), run.records.end(),
                                 [&](const json& r) { return matches(r, conditions); });
    return n == std::stol(w.back()) ? "" : fmt::format("{} records with {}, not {}", n, join(conditions), w.back());
  }
  if (verb == "less") {
    const auto split = std::find(rest.begin(), rest.end(), "<");
    const auto a = value_of(run, {rest.begin(), split}), b = value_of(run, {split + 1, rest.end()});
    if (!a || !b) return "no value for " + join(rest);
    return *a < *b ? "" : fmt::format("{} is not below {}", *a, *b);
  }
  if (verb == "near") {
    const std::vector<std::string> conditions(w.begin() + 1, w.end() - 2);
    const auto v = value_of(run, conditions);
    const double target = std::stod(w[w.size() - 2]), tolerance = std::stod(w.back());
    if (!v) return "no value for " + join(conditions);
    return std::abs(*v - target) <= tolerance ? "" : fmt::format("{} is not within {} of {}", *v, tolerance, target);
  }
  return "unknown statement '" + verb + "'";
}

// "change FILE" then "from:" and "to:": edits a file of the scratch folder, the
// way a learner edits a saved network by hand.
std::string change_file(const Edit& change, const Context& context) {
  const fs::path path = fs::path(context.scratch) / change.file;
  std::string text = read(path);
  const auto at = text.find(change.from);
  if (at == std::string::npos) return "'" + change.from + "' is not in " + change.file;
  std::ofstream(path, std::ios::binary) << text.replace(at, change.from.size(), change.to);
  return "";
}

std::string check_lines(const Claim& claim, const Context& context) {
  Run run, before;
  bool ran = false;
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < claim.lines.size(); ++i) {
    const std::string& line = claim.lines[i];
    if (line.starts_with("change ")) {
      Edit change = edit_at(claim.lines, i);
      i += 2;
      if (const std::string failed = change_file(change, context); !failed.empty()) return claim.where + ": " + failed;
      continue;
    }
    if (line.starts_with("edit ")) {
      edits.push_back(edit_at(claim.lines, i));
      i += 2;
      continue;
    }
    if (line.starts_with("run ")) {
      const std::vector<std::string> argv = words(line.substr(4));
      Variant program{fs::path(context.bin) / argv[0], {}};
      if (!edits.empty()) try {
          program = build_variant(argv[0], edits, context);
        } catch (const std::exception& e) {
          return claim.where + ": " + e.what();
        }
      before = std::move(run);
      run = run_program(argv, context, program);
      ran = true;
      continue;
    }
    if (!ran) return "a statement before any run: " + line;
    if (const std::string failed = holds(line, run, before, context); !failed.empty())
      return fmt::format("{}: '{}' does not hold: {}", claim.where, line, failed);
  }
  return ran ? "" : claim.where + ": the claim runs nothing";
}

}  // namespace

Run run_command(const std::string& command, const Context& context) {
  const std::vector<std::string> argv = words(command);
  return run_program(argv, context, {fs::path(context.bin) / argv.at(0), {}});
}

std::string check(const Claim& claim, const Context& context) {
  try {
    return check_lines(claim, context);
  } catch (const std::exception& e) {
    return claim.where + ": " + e.what();
  }
}

std::vector<Claim> claims_in(const std::string& page_path, const std::string& text) {
  std::vector<Claim> out;
  for (std::size_t at = 0; (at = text.find("<!-- claim", at)) != std::string::npos;) {
    const std::size_t end = text.find("-->", at);
    const std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
    Claim claim{fmt::format("{}:{}", page_path, line), {}};
    std::istringstream body(text.substr(at + 10, end - at - 10));
    for (std::string l; std::getline(body, l);)
      if (!trim(l).empty()) claim.lines.push_back(trim(l));
    out.push_back(std::move(claim));
    at = end;
  }
  return out;
}

std::vector<std::string> unclaimed_items(const std::string& page_path, const std::string& text) {
  std::vector<std::string> out;
  const std::size_t start = text.find("\n## Try this");
  if (start == std::string::npos) return out;
  const std::size_t stop = text.find("\n## ", start + 5);
  const std::string section = text.substr(start, stop - start);
  std::size_t item = section.find("\n- ");
  while (item != std::string::npos) {
    const std::size_t next = section.find("\n- ", item + 3);
    const std::string body = section.substr(item, next == std::string::npos ? std::string::npos : next - item);
    if (body.find("<!-- claim") == std::string::npos)
      out.push_back(fmt::format("{}: a Try-this item without a claim: {}", page_path, trim(body.substr(3, 70))));
    item = next;
  }
  return out;
}

}  // namespace claims
