// The exercises, in book order, and the starting file each one is written from.
#include <algorithm>
#include "bpw/exercises.hpp"

#include <array>
#include <cctype>
#include <string>

#include "exercise_table_forward.hpp"
#include "exercise_table_learning.hpp"

namespace bpw {
namespace {

template <class T, std::size_t A, std::size_t B>
constexpr std::array<T, A + B> joined(const std::array<T, A>& a, const std::array<T, B>& b) {
  std::array<T, A + B> out{};
  for (std::size_t i = 0; i < A; ++i) out[i] = a[i];
  for (std::size_t i = 0; i < B; ++i) out[A + i] = b[i];
  return out;
}

constexpr auto exercises = joined(table::forward_exercises, table::learning_exercises);

}  // namespace

std::span<const Exercise> all_exercises() { return exercises; }

std::optional<Exercise> exercise_named(std::string_view name) {
  for (const Exercise& e : exercises)
    if (e.name == name) return e;
  return std::nullopt;
}

int chapter_of(const Exercise& e) { return std::stoi(std::string(e.folder.substr(0, 2))); }

std::string exercise_label(const Exercise& e) {
  char place = 'A';
  for (const Exercise& other : exercises) {
    if (other.name == e.name) break;
    if (other.folder == e.folder) ++place;
  }
  return std::to_string(chapter_of(e)) + "-" + place;
}

std::optional<Exercise> exercise_labelled(std::string_view label) {
  std::string upper(label);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const Exercise& e : exercises)
    if (exercise_label(e) == upper) return e;
  return std::nullopt;
}

std::string exercise_path(const Exercise& e) {
  return "chapters/" + std::string(e.folder) + "/exercises/" + std::string(e.name) + ".cpp";
}

std::string signature_line(const Exercise& e) {
  std::string out;
  for (std::size_t at = 0; at < e.signature.size(); ++at) {
    if (e.signature[at] != '\n') {
      out += e.signature[at];
      continue;
    }
    out += ' ';
    while (at + 1 < e.signature.size() && e.signature[at + 1] == ' ') ++at;
  }
  return out;
}

std::string equation_line(Eq id) {
  const Equation& eq = equation(id);
  return "(" + std::string(eq.number) + ")  " +
         render_general(eq.text, Notation::unicode, eq.layer_symbol);
}

std::vector<Eq> equations_of(const Exercise& e) {
  std::vector<Eq> out{e.equation};
  if (e.also) out.push_back(*e.also);
  return out;
}

std::string hint_text(const Exercise& e, std::size_t n) {
  return n >= 1 && n <= e.hints.size() ? with_numbers(e.hints[n - 1]) : std::string();
}

namespace {

// Wraps text into comment lines of at most 80 columns, "// " and the prefix
// first, and the prefix's width of spaces on the lines that follow.
std::string comment(std::string_view text, std::string_view prefix = "") {
  const auto width = [](std::string_view s) {  // characters, not UTF-8 bytes
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  const std::string indent = "// " + std::string(prefix.empty() ? 0 : width(prefix) + 1, ' ');
  std::string out;
  std::string line = prefix.empty() ? "//" : "// " + std::string(prefix);
  std::size_t columns = width(line);
  bool first_word = true;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find(' ', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(at, end - at);
    if (!first_word && columns + 1 + width(word) > 80) {
      out += line + "\n";
      line = indent.substr(0, indent.size() - 1);
      columns = width(line);
    }
    line += ' ';
    line += word;
    columns += 1 + width(word);
    first_word = false;
    at = end + 1;
  }
  return out + line + "\n";
}

}  // namespace

std::string starting_text(const Exercise& e) {
  const std::string name(e.name);
  std::string out;
  out += "// Exercise " + exercise_label(e) + ": " + std::string(e.title) + "\n";
  out += "//\n";
  out += comment(with_numbers(e.statement));
  out += "//\n";
  for (Eq id : equations_of(e)) out += "//   " + equation_line(id) + "\n";
  out += "//\n";
  out += comment(e.shapes, "Shapes:");
  if (!e.note.empty()) out += comment(e.note, "Note:");
  // Where the answer multiplies matrices, the file says how before any hint does.
  if (std::any_of(e.hints.begin(), e.hints.end(),
                  [](std::string_view h) { return h.find("bpw::matmul") != std::string_view::npos; }))
    out += comment("bpw::matmul(A, B) is the matrix product A B and bpw::transpose(A) is Aᵀ; "
                   "+ - * / between matrices of one shape act element by element (* is ⊙).",
                   "Products:");
  out += "//\n";
  out += "// Hints, one at a time:  build/bin/exercise hint " + name + "\n";
  out += "// Write the body between the two marker lines; keep the function's name and\n";
  out += "// parameters. Check it with:  build/bin/exercise check " + name + "\n";
  out += "#include <bpw/exercise.hpp>\n\n";
  out += "using bpw::Matrix;\n\n";
  out += std::string(e.signature) + "\n{\n";
  out += "  // ---- your code below ----\n";
  out += with_numbers(e.start);
  out += "  // ---- your code above ----\n";
  out += "}\n\n";
  out += "BPW_EXERCISE(" + name + ")\n";
  return out;
}

}  // namespace bpw
