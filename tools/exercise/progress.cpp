#include "progress.hpp"

#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "workspace.hpp"

namespace workspace {

std::string fingerprint(const std::string& text) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

std::string utc_now() {
  char stamp[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%MZ", std::gmtime(&now));
  return stamp;
}

Progress load_progress() {
  Progress p;
  std::ifstream in(progress_file());
  if (!in) return p;
  // A damaged record only forgets passes: only the typed entries below are
  // kept, so nothing else in the file (a value nested 100,000 deep) is ever
  // written back, and an entry of the wrong type is dropped.
  try {
    const nlohmann::json record = nlohmann::json::parse(in);
    if (!record.is_object()) return p;
    p.class_code = record.value("class", "");
    p.student = record.value("student", "");
    // by reference only: copying a value would recurse as deep as it nests
    const auto exercises = record.find("exercises");
    if (exercises != record.end() && exercises->is_object())
      for (const auto& [name, entry] : exercises->items()) {
        if (!entry.is_object()) continue;
        try {
          p.exercises[name] = {entry.value("passed", ""), entry.value("first_pass", ""), entry.value("hints", 0)};
        } catch (const nlohmann::json::exception&) {
          p.exercises.erase(name);
        }
      }
    // The first record kept only the fingerprint of each passing text, by name:
    // a pass from before the record kept times.
    for (const auto& [name, entry] : record.items())
      if (entry.is_string() && name != "class" && name != "student") {
        p.exercises[name].passed = entry.get<std::string>();
        p.exercises[name].first_pass = "earlier";
      }
  } catch (const nlohmann::json::exception&) {
    return Progress{};
  }
  return p;
}

void save_progress(const Progress& p) {
  nlohmann::json record = {{"class", p.class_code}, {"student", p.student}};
  record["exercises"] = nlohmann::json::object();
  for (const auto& [name, e] : p.exercises)
    record["exercises"][name] = {{"passed", e.passed}, {"first_pass", e.first_pass}, {"hints", e.hints}};
  write_text(progress_file(), record.dump(2) + "\n");
}

}  // namespace workspace
