// claims_check BUILD SOURCE PAGE...
//   runs every claim of the pages (see claims.hpp) and fails when one does not
//   hold or a "Try this" item has none;
// claims_check --all-false BUILD SOURCE PAGE
//   the checker's own test: every claim of the page is false and must fail, and
//   every "Try this" item without a claim must be reported;
// claims_check --tips BUILD SOURCE PROGRAM
//   runs PROGRAM under every preset and the scenarios tests/claims/tips.txt gives
//   it, then every tip those runs printed (bpw::Tip), and fails when a tip's
//   command does not show what it says, when a note suggests an option without
//   being a tip, or when a scenario meant to print a tip prints none.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "claims.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

claims::Context scratch_for(const fs::path& build, const fs::path& source, const std::string& name) {
  const fs::path scratch = build / "tests" / "claims" / name;
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  for (const char* shared : {"tests", "chapters", "docs"}) fs::create_directory_symlink(source / shared, scratch / shared);
  return {build.string(), (build / "bin").string(), (scratch / ".variants").string(), source.string(),
          scratch.string()};
}

int report(const claims::Claim& claim, const claims::Context& context, int& failures) {
  const std::string failed = claims::check(claim, context);
  std::cout << (failed.empty() ? "✓ " : "✗ ") << claim.where << "  " << claim.lines.front() << "\n";
  if (!failed.empty()) {
    std::cout << "    " << failed << "\n";
    ++failures;
  }
  return 1;
}

int pages(const fs::path& build, const fs::path& source, const std::vector<std::string>& paths) {
  int failures = 0, checked = 0;
  for (const std::string& page : paths) {
    const std::string text = read(source / page);
    const claims::Context context = scratch_for(build, source, fs::path(page).parent_path().filename());
    for (const std::string& missing : claims::unclaimed_items(page, text)) {
      std::cout << "✗ " << missing << "\n";
      ++failures;
    }
    for (const claims::Claim& claim : claims::claims_in(page, text)) checked += report(claim, context, failures);
  }
  std::cout << checked << " claims checked, " << failures << " failed\n";
  return failures == 0 && checked > 0 ? 0 : 1;
}

// "ch06_update --preset moons --learning-rate 5  # a tip: …" lines for `program`.
std::vector<std::string> scenarios_for(const fs::path& source, const std::string& program) {
  std::vector<std::string> out;
  std::istringstream lines(read(source / "tests" / "claims" / "tips.txt"));
  for (std::string line; std::getline(lines, line);) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (line.starts_with(program + " ") || line == program) out.push_back(line);
  }
  return out;
}

std::vector<std::string> presets(const claims::Context& context, const std::string& program) {
  std::vector<std::string> out;
  std::istringstream lines(claims::run_command(program + " --list-presets --format text", context).out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) out.push_back(line.substr(0, line.find(' ')));
  return out;
}

int tips(const fs::path& build, const fs::path& source, const std::string& program) {
  const claims::Context context = scratch_for(build, source, "tips-" + program);
  std::vector<std::pair<std::string, bool>> runs;  // the command, and whether it must print a tip
  for (const std::string& preset : presets(context, program)) runs.emplace_back(program + " --preset " + preset, false);
  for (const std::string& scenario : scenarios_for(source, program)) runs.emplace_back(scenario, true);
  const std::regex option(R"((^|[\s(])--[a-z])");
  std::set<std::string> seen;
  int failures = 0, checked = 0;
  for (const auto& [command, wants_tip] : runs) {
    const claims::Run run = claims::run_command(command, context);
    int printed = 0;
    for (const json& record : run.records) {
      if (record.value("kind", "") == "note" && std::regex_search(record.value("text", ""), option)) {
        std::cout << "✗ " << command << ": a note suggests an option but is no tip: " << record["text"] << "\n";
        ++failures;
      }
      if (record.value("kind", "") != "tip") continue;
      ++printed;
      claims::Claim claim{"tip of '" + command + "'", {"run " + record["run"].get<std::string>()}};
      for (const json& line : record["expect"]) claim.lines.push_back(line.get<std::string>());
      std::string key;
      for (const std::string& line : claim.lines) key += line + "\n";
      if (seen.insert(key).second) checked += report(claim, context, failures);
    }
    if (wants_tip && printed == 0) {
      std::cout << "✗ " << command << ": meant to print a tip (tests/claims/tips.txt), printed none\n";
      ++failures;
    }
  }
  std::cout << runs.size() << " runs, " << checked << " tips checked, " << failures << " failed\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace

// Every claim of the page must fail, and the page must have unclaimed items.
int all_false(const fs::path& build, const fs::path& source, const std::string& page) {
  const std::string text = read(source / page);
  const claims::Context context = scratch_for(build, source, "all_false");
  int held = 0, checked = 0;
  const std::vector<std::string> missing = claims::unclaimed_items(page, text);
  for (const std::string& item : missing) std::cout << "✓ reported: " << item << "\n";
  for (const claims::Claim& claim : claims::claims_in(page, text)) {
    const std::string failed = claims::check(claim, context);
    ++checked;
    if (failed.empty()) ++held;
    std::cout << (failed.empty() ? "✗ held, though false: " : "✓ failed: ") << claim.where << "  "
              << (failed.empty() ? claim.lines.front() : failed) << "\n";
  }
  std::cout << checked << " false claims, " << held << " held; " << missing.size() << " items without a claim\n";
  return held == 0 && checked > 0 && !missing.empty() ? 0 : 1;
}

int main(int argc, char** argv) {
  unsetenv("COLUMNS");  // text claims read the output as a file gets it, unfitted
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 4 && args[0] == "--tips") return tips(fs::absolute(args[1]), fs::absolute(args[2]), args[3]);
    if (args.size() == 4 && args[0] == "--all-false") return all_false(fs::absolute(args[1]), fs::absolute(args[2]), args[3]);
    if (args.size() >= 3 && !args[0].starts_with("--"))
      return pages(fs::absolute(args[0]), fs::absolute(args[1]), {args.begin() + 2, args.end()});
  } catch (const std::exception& e) {
    std::cerr << "claims_check: " << e.what() << "\n";
    return 2;
  }
  std::cerr << "usage: claims_check BUILD SOURCE PAGE...  or  claims_check --tips BUILD SOURCE PROGRAM\n";
  return 2;
}
