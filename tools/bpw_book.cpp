// bpw_book: builds the book's pages from the chapter READMEs and the registry.
//
//   bpw_book page PAGE_NAME README.md OUT.md   expand {{eq:key}}, {{eqref:key}} and
//                                              {{exercises}}
//   bpw_book equations OUT.md                  the index of every equation
//   bpw_book concordance OUT.md                the notation concordance, one table
//
// The pages never hold an equation number of their own: they name the entry,
// and the number, the LaTeX and the Unicode form come from the registry.
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

#include <bpw/concordance.hpp>
#include <bpw/equations.hpp>
#include <bpw/exercises.hpp>

using namespace bpw;

namespace {

std::string general_latex(const Equation& e) {
  return render_general(e.latex, Notation::latex, e.layer_symbol);
}

std::string display(const Equation& e) {
  return "\\f[ " + general_latex(e) + " \\tag{" + std::string(e.number) + "} \\f]";
}

std::string expand(const std::string& text, const std::string& source) {
  static const std::regex marker(R"(\{\{(eq|eqref):([a-z0-9_]+)\}\})");
  std::string out;
  std::size_t done = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
    const auto id = equation_by_key((*it)[2].str());
    if (!id) throw std::runtime_error(source + ": no equation named '" + (*it)[2].str() + "'");
    const Equation& e = equation(*id);
    out += text.substr(done, it->position() - done);
    out += (*it)[1] == "eq" ? display(e) : "(" + std::string(e.number) + ")";
    done = it->position() + it->length();
  }
  return out + text.substr(done);
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

// The chapter's exercises from the registry: statement, equations, shapes,
// any note, and how to get hints and check them; never a hint's text nor the
// solution, which the exercise command reveals in stages.
std::string exercises_section(const std::string& page_name) {
  const std::string folder = page_name.substr(2);  // "ch03_output_delta" → "03_output_delta"
  std::string out, first_label;
  int count = 0;
  for (const Exercise& e : all_exercises()) {
    if (e.folder != folder) continue;
    if (++count == 1) first_label = exercise_label(e);
    const std::string name(e.name);
    out += "### Exercise " + exercise_label(e) + " · " + std::string(e.title) + " {#exercise_" +
           name + "}\n\n" + with_numbers(e.statement) + "\n\n";
    for (Eq id : equations_of(e)) out += display(equation(id)) + "\n\n";
    out += "- **Write** `" + signature_line(e) + "` in `" + exercise_path(e) + "`.\n" +
           "- **Shapes:** " + std::string(e.shapes) + ".\n";
    if (!e.note.empty()) out += "- **Note:** " + std::string(e.note) + "\n";
    out += "- **Hints:** " + std::to_string(e.hints.size()) +
           ", one at a time: `build/bin/exercise hint " + name + "`.\n" +
           "- **Check:** `build/bin/exercise check " + name + "`\n\n";
  }
  if (count == 0) throw std::runtime_error(page_name + " has an {{exercises}} marker but no exercises");
  const std::string chapter = std::to_string(std::stoi(folder.substr(0, 2)));
  return "Each exercise is one function to write, in its own file under `chapters/" + folder +
         "/exercises/`; its label, such as " + first_label +
         ", is the chapter and a letter, so that it never reads like an equation number. "
         "The checker builds the function and runs it against the workbook's own code on "
         "several networks. A failing case shows its inputs in full when they are small, names "
         "the mistake when your answer is a known wrong variant (a sign flipped, a matrix "
         "transposed, f where f′ belongs, a missing ½ or 1/M), shows the hints you have asked "
         "for, and prints the command that reruns that case alone. `build/bin/exercise hint "
         "NAME` reveals the next hint, `build/bin/exercise check " + chapter + "` checks this "
         "chapter's exercises, `build/bin/exercise watch` checks again on every save, and "
         "`build/bin/exercise solution NAME` shows the workbook's solution once yours "
         "passes.\n\n" + out;
}

// The README's first heading becomes the page title, labelled for \subpage.
std::string page(const std::string& name, const std::string& readme_path) {
  std::string text = expand(read(readme_path), readme_path);
  const std::string marker = "{{exercises}}";
  if (const auto at = text.find(marker); at != std::string::npos)
    text.replace(at, marker.size(), exercises_section(name));
  else
    for (const Exercise& e : all_exercises())
      if ("ch" + std::string(e.folder) == name)
        throw std::runtime_error(readme_path + " lacks the {{exercises}} marker for its exercises");
  const auto end_of_title = text.find('\n');
  return text.substr(0, end_of_title) + " {#" + name + "}" + text.substr(end_of_title);
}

std::string equation_index() {
  std::string out = "# Equation index {#equation_index}\n\n"
                    "Every equation the tracer prints, by number, in the book's general form; "
                    "the page that derives it follows each.\n\n";
  for (const Equation& e : all_equations()) {
    if (e.number.empty()) continue;
    out += display(e) + "\nfrom \\ref " + std::string(e.page) + "; traced as `" +
           render_general(e.text, Notation::unicode, e.layer_symbol) + "`\n\n";
  }
  return out;
}

std::string concordance() {
  std::ostringstream table;
  print_concordance(table, Format::markdown);
  return "# Notation concordance {#concordance}\n\n"
         "Each equation of the workbook as the classic formulations write it: with samples as "
         "rows (this workbook's default, z = a W + b), with samples as columns (Z = W A + b), "
         "in index notation (w_ij, t_j, o_j, net_j, out_j), and the names it goes by in "
         "tutorial code. Chapter programs print their part with `--concordance`.\n\n" +
         table.str();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "page" && argc == 5) {
      write(argv[4], page(argv[2], argv[3]));
    } else if (command == "equations" && argc == 3) {
      write(argv[2], equation_index());
    } else if (command == "concordance" && argc == 3) {
      write(argv[2], concordance());
    } else {
      std::cerr << "usage: bpw_book page NAME README.md OUT.md | bpw_book equations OUT.md | "
                   "bpw_book concordance OUT.md\n";
      return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << "bpw_book: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
