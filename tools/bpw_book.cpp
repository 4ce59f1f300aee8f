// bpw_book: builds the book's pages from the chapter READMEs and the registry.
//
//   bpw_book page NAME README.md OUT.md [--prev NAME] [--next NAME]
//        expand {{eq:key}}, {{eqref:key}}, {{figure:FILE|caption}} and {{exercises}},
//        and number the lines of every \snippet as in its file;
//        a chapter page (--prev or --next) gets links to its neighbours and a
//        table of contents
//   bpw_book equations OUT.md NAME=README.md...
//        the index of every equation, by chapter; the pages are read to know
//        where each equation is displayed
//   bpw_book concordance OUT.md NAME=README.md...
//        the notation concordance, a table per chapter
//   bpw_book html DIR                after Doxygen: in every code and output
//        block, each symbol outside ASCII set one character cell wide, so that
//        columns of numbers stay aligned whatever font supplies ⋮ or ⎡
//
// The pages never hold an equation number of their own: they name the entry,
// and the number, the LaTeX and the Unicode form come from the registry. Each
// numbered equation has one anchor, eq_KEY, where the page that derives it
// (the registry's `page`) first displays it, or in the index when that page
// does not; every number elsewhere links to it.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <bpw/concordance.hpp>
#include <bpw/equations.hpp>
#include <bpw/exercises.hpp>

using namespace bpw;

namespace {

std::string general_latex(const Equation& e) {
  return render_general(e.latex, Notation::latex, e.layer_symbol);
}

std::string anchor_of(const Equation& e) { return "eq_" + std::string(e.key); }

// A displayed equation; with its anchor where it is at home.
std::string display(const Equation& e, bool anchored) {
  std::string tag = e.number.empty() ? "" : " \\tag{" + std::string(e.number) + "}";
  return (anchored ? "\\anchor " + anchor_of(e) + "\n" : "") + "\\f[ " + general_latex(e) + tag +
         " \\f]";
}

// "(3.2)", linked to the equation.
std::string link(const Equation& e) {
  return "\\ref " + anchor_of(e) + " \"(" + std::string(e.number) + ")\"";
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

const Equation& named(const std::string& key, const std::string& source) {
  const auto id = equation_by_key(key);
  if (!id) throw std::runtime_error(source + ": no equation named '" + key + "'");
  return equation(*id);
}

// Registry text with ⟦key⟧ references, each as a linked number.
std::string with_links(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    const auto open = text.find("⟦");
    out += text.substr(0, open);
    if (open == std::string_view::npos) break;
    text.remove_prefix(open + std::string_view("⟦").size());
    const auto close = text.find("⟧");
    if (close == std::string_view::npos) throw std::runtime_error("an unterminated ⟦ in the registry");
    out += link(named(std::string(text.substr(0, close)), "the exercise registry"));
    text.remove_prefix(close + std::string_view("⟧").size());
  }
  return out;
}

// One page being expanded: which equations it displays, and which of them it
// anchors because it is their home.
struct Page {
  std::string name;
  std::string source;
  std::set<std::string> displayed, anchored;

  std::string show(const Equation& e) {
    const std::string key(e.key);
    const bool home = e.page == name && !e.number.empty() && !anchored.contains(key);
    if (home) anchored.insert(key);
    displayed.insert(key);
    return display(e, home);
  }
};

std::string expand(const std::string& text, Page& page) {
  static const std::regex marker(R"(\{\{(eq|eqref):([a-z0-9_]+)\}\})");
  std::string out;
  std::size_t done = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
    const Equation& e = named((*it)[2].str(), page.source);
    out += text.substr(done, it->position() - done);
    out += (*it)[1] == "eq" ? page.show(e) : link(e);
    done = it->position() + it->length();
  }
  return out + text.substr(done);
}

// {{figure:FILE|caption}}: the image, numbered in its chapter, with its caption
// and an anchor fig_STEM to link to.
std::string figures(const std::string& text, const std::string& page_name) {
  static const std::regex marker(R"(\{\{figure:([A-Za-z0-9_.-]+)\|([^}]+)\}\})");
  const std::string chapter =
      page_name.starts_with("ch") ? std::to_string(std::stoi(page_name.substr(2, 2))) + "." : "";
  std::string out;
  std::size_t done = 0;
  int count = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
    const std::string file = (*it)[1].str();
    std::string stem = file.substr(0, file.rfind('.'));
    for (char& c : stem)
      if (c == '-' || c == '.') c = '_';
    out += text.substr(done, it->position() - done);
    out += "\\anchor fig_" + stem + "\n\\image html " + file + " \"Figure " + chapter +
           std::to_string(++count) + " · " + (*it)[2].str() + "\"";
    done = it->position() + it->length();
  }
  return out + text.substr(done);
}

// The chapter's exercises from the registry: statement, equation, shapes and
// hint, and how to check them; never the solution. An equation the page
// already displays is linked, not displayed again with the same number.
std::string exercises_section(Page& page) {
  const std::string folder = page.name.substr(2);  // "ch03_output_delta" → "03_output_delta"
  std::string out;
  int count = 0;
  for (const Exercise& e : all_exercises()) {
    if (e.folder != folder) continue;
    ++count;
    const Equation& eq = equation(e.equation);
    const std::string formula = page.displayed.contains(std::string(eq.key))
                                    ? "The equation: " + link(eq) + " above."
                                    : page.show(eq);
    out += "### Exercise " + exercise_number(e) + " · " + std::string(e.title) + " {#exercise_" +
           std::string(e.name) + "}\n\n" + with_links(e.statement) + "\n\n" + formula + "\n\n" +
           "- **Write** `" + signature_line(e) + "` in `" + exercise_path(e) + "`.\n" +
           "- **Shapes:** " + std::string(e.shapes) + ".\n" +
           "- **Hint:** " + with_links(e.hint) + "\n" +
           "- **Check:** `build/bin/exercise check " + std::string(e.name) + "`\n\n";
  }
  if (count == 0) throw std::runtime_error(page.name + " has an {{exercises}} marker but no exercises");
  const std::string chapter = std::to_string(std::stoi(folder.substr(0, 2)));
  return "Each exercise is one function to write, in its own file under `chapters/" + folder +
         "/exercises/`. The checker builds it and runs it against the workbook's own code on "
         "several networks; it shows the first element that differs, with the equation and "
         "the hint. `build/bin/exercise check " + chapter + "` checks this chapter's, "
         "`build/bin/exercise watch` checks again on every save and moves on when one passes, "
         "`build/bin/exercise list` shows what passes, and `build/bin/exercise reset NAME` "
         "starts one again, keeping your version in `exercises/kept/`.\n\n" + out;
}

struct Neighbours {
  std::string prev, next;
};

// "← Chapter 2 · The cost · Contents · Chapter 4 · The hidden deltas →"
std::string pager(const Neighbours& n) {
  std::string out = "<div class=\"pager\">";
  if (!n.prev.empty()) out += "<span class=\"prev\">← \\ref " + n.prev + "</span> ";
  out += "<span class=\"contents\">\\ref index \"Contents\"</span>";
  if (!n.next.empty()) out += " <span class=\"next\">\\ref " + n.next + " →</span>";
  return out + "</div>";
}

// The README's first heading becomes the page title, labelled for \ref; a
// chapter page gets its neighbours above and below, and a table of contents.
std::string page(Page& p, const std::string& readme_path, const Neighbours* neighbours) {
  p.source = readme_path;
  std::string text = figures(expand(read(readme_path), p), p.name);
  // Every listing with the source file's own line numbers, so that "main.cpp:37"
  // in a trace is line 37 of the listing.
  for (std::size_t at = 0; (at = text.find("\\snippet ", at)) != std::string::npos;)
    text.replace(at, 9, "\\snippet{lineno} ");
  const std::string marker = "{{exercises}}";
  if (const auto at = text.find(marker); at != std::string::npos)
    text.replace(at, marker.size(), exercises_section(p));
  else
    for (const Exercise& e : all_exercises())
      if ("ch" + std::string(e.folder) == p.name)
        throw std::runtime_error(readme_path + " lacks the {{exercises}} marker for its exercises");
  const auto end_of_title = text.find('\n');
  std::string title = text.substr(0, end_of_title) + " {#" + p.name + "}\n";
  std::string body = text.substr(end_of_title + 1);
  if (neighbours) {
    title += "\n" + pager(*neighbours) + "\n";
    body += "\n" + pager(*neighbours) + "\n";
  }
  // A table of contents on a page of three sections or more.
  std::size_t sections = 0;
  for (std::size_t at = 0; (at = body.find("\n## ", at)) != std::string::npos; ++at) ++sections;
  if (sections >= 3) title += "\n[TOC]\n";
  return title + body;
}

// The title of a README: its first line without the "# ".
std::string title_of(const std::string& readme_path) {
  std::string line = read(readme_path);
  line = line.substr(0, line.find('\n'));
  return line.starts_with("# ") ? line.substr(2) : line;
}

std::string equation_index(const std::vector<std::pair<std::string, std::string>>& pages) {
  // Where each equation is at home: the pages are expanded as the book expands them.
  std::set<std::string> anchored;
  std::map<std::string, std::string> titles;  // page name → title
  for (const auto& [name, readme] : pages) {
    Page p{name, readme, {}, {}};
    page(p, readme, nullptr);
    anchored.insert(p.anchored.begin(), p.anchored.end());
    titles[name] = title_of(readme);
  }
  std::string out = "# Equation index {#equation_index}\n\n"
                    "Every equation the tracer prints, by number, in the book's general form. "
                    "Each number links to the equation where its page derives it.\n\n[TOC]\n";
  std::string chapter;
  for (const Equation& e : all_equations()) {
    if (e.number.empty()) continue;
    const std::string number(e.number), page_name(e.page);
    if (const std::string c = number.substr(0, number.find('.')); c != chapter) {
      chapter = c;
      const auto title = titles.find(page_name);
      out += "\n## " + (title != titles.end() ? title->second : "Chapter " + c) +
             " {#equations_chapter_" + c + "}\n\n";
    }
    const std::string traced = render_general(e.text, Notation::unicode, e.layer_symbol);
    if (anchored.contains(std::string(e.key)))
      out += link(e) + " from \\ref " + page_name + "; traced as `" + traced + "`\n\\f[ " +
             general_latex(e) + " \\f]\n\n";
    else  // no page displays it: its home is here
      out += display(e, true) + "\nfrom \\ref " + page_name + "; traced as `" + traced + "`\n\n";
  }
  return out;
}

// The chapter titles by chapter number, from the chapter pages' READMEs.
std::map<std::string, std::string> chapter_titles(
    const std::vector<std::pair<std::string, std::string>>& pages) {
  std::map<std::string, std::string> titles;
  for (const auto& [name, readme] : pages)
    if (name.starts_with("ch")) titles[std::to_string(std::stoi(name.substr(2, 2)))] = title_of(readme);
  return titles;
}

// The concordance table, cut into one table per chapter under its heading, so
// that the page has a table of contents.
std::string concordance(const std::vector<std::pair<std::string, std::string>>& pages) {
  std::ostringstream table;
  print_concordance(table, Format::markdown);
  const auto titles = chapter_titles(pages);
  std::istringstream lines(table.str());
  std::string header, rule, line, chapter, out;
  std::getline(lines, header);
  std::getline(lines, rule);
  while (std::getline(lines, line)) {
    if (!line.starts_with("| (")) continue;
    const std::string c = line.substr(3, line.find('.') - 3);  // "| (3.2) | …" → "3"
    if (c != chapter) {
      chapter = c;
      const auto title = titles.find(c);
      out += "\n## " + (title != titles.end() ? title->second : "Chapter " + c) +
             " {#concordance_chapter_" + c + "}\n\n" + header + "\n" + rule + "\n";
    }
    out += line + "\n";
  }
  return "# Notation concordance {#concordance}\n\n"
         "Each equation of the workbook as the classic formulations write it: with samples as "
         "rows (this workbook's default, z = a W + b), with samples as columns (Z = W A + b), "
         "in index notation (w_ij, t_j, o_j, net_j, out_j), and the names it goes by in "
         "tutorial code. Chapter programs print their part with `--concordance`.\n\n[TOC]\n" +
         out;
}

// In a code or output block, each character outside ASCII (with the accents
// that follow it) in a span one character cell wide: a monospace font that
// lacks ⋮ or ⎡ takes it from another font whose glyph is wider or narrower,
// and the columns after it would move.
std::string cells_in_blocks(const std::string& html) {
  std::string out;
  std::size_t at = 0;
  static const std::regex block_start(R"(<(div|pre) class="fragment">)");
  std::smatch m;
  auto from = html.cbegin();
  while (std::regex_search(from, html.cend(), m, block_start)) {
    const std::size_t start = static_cast<std::size_t>(m.position(0) + (from - html.cbegin()));
    const std::string close = m[1] == "pre" ? "</pre>" : "</div><!-- fragment -->";
    const std::size_t end = html.find(close, start);
    if (end == std::string::npos) break;
    out += html.substr(at, start - at);
    bool in_tag = false;
    for (std::size_t i = start; i < end;) {
      const unsigned char c = static_cast<unsigned char>(html[i]);
      if (c == '<') in_tag = true;
      if (c < 0x80 || in_tag) {
        if (c == '>') in_tag = false;
        out += html[i++];
        continue;
      }
      const auto combining = [&](std::size_t k) {  // U+0300–U+036F: an accent on the character before
        const unsigned char b = static_cast<unsigned char>(html[k]);
        return k + 1 < end && (b == 0xCC || (b == 0xCD && static_cast<unsigned char>(html[k + 1]) < 0xB0));
      };
      std::string base;  // an ASCII letter that the accent after it belongs to: J̃
      if (combining(i) && !out.empty() && out.back() != '>' && static_cast<unsigned char>(out.back()) < 0x80) {
        base = out.back();
        out.pop_back();
      }
      std::size_t j = i;
      do {  // the character and any accents after it
        const unsigned char b = static_cast<unsigned char>(html[j]);
        j += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      } while (combining(j));
      out += "<span class=\"g\">" + base + html.substr(i, j - i) + "</span>";
      i = j;
    }
    at = end;
    from = html.cbegin() + static_cast<std::ptrdiff_t>(end);
  }
  return out + html.substr(at);
}

void finish_html(const std::string& dir) {
  int changed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html = read(entry.path());
    if (html.find("class=\"g\"") != std::string::npos) continue;  // already done
    const std::string done = cells_in_blocks(html);
    if (done != html) {
      write(entry.path(), done);
      ++changed;
    }
  }
  std::cout << "bpw_book: aligned the symbols in the code and output blocks of " << changed
            << " pages\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string command = args.empty() ? "" : args[0];
    if (command == "page" && args.size() >= 4) {
      Neighbours n;
      bool chapter = false;
      for (std::size_t i = 4; i < args.size(); ++i) {
        if ((args[i] != "--prev" && args[i] != "--next") || i + 1 >= args.size())
          throw std::invalid_argument("unknown option '" + args[i] + "' for page");
        (args[i] == "--prev" ? n.prev : n.next) = args[i + 1];
        chapter = true;
        ++i;
      }
      Page p{args[1], args[2], {}, {}};
      write(args[3], page(p, args[2], chapter ? &n : nullptr));
    } else if ((command == "equations" || command == "concordance") && args.size() >= 2) {
      std::vector<std::pair<std::string, std::string>> pages;
      for (std::size_t i = 2; i < args.size(); ++i) {
        const auto eq = args[i].find('=');
        if (eq == std::string::npos) throw std::invalid_argument("'" + args[i] + "' is not NAME=README.md");
        pages.emplace_back(args[i].substr(0, eq), args[i].substr(eq + 1));
      }
      write(args[1], command == "equations" ? equation_index(pages) : concordance(pages));
    } else if (command == "html" && args.size() == 2) {
      finish_html(args[1]);
    } else {
      throw std::invalid_argument("");
    }
  } catch (const std::invalid_argument& e) {
    std::cerr << "bpw_book: " << (*e.what() ? std::string(e.what()) + "; " : "")
              << "usage: bpw_book page NAME README.md OUT.md [--prev NAME] [--next NAME] | "
                 "bpw_book equations OUT.md NAME=README.md... | bpw_book concordance OUT.md NAME=README.md... | "
                 "bpw_book html DIR\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "bpw_book: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
