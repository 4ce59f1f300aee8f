#include "cells.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include <fmt/format.h>
#include <xtensor/xview.hpp>

namespace bpw::cells {

bool needs_scientific(const Matrix& m) {
  for (double v : m) {
    const double size = std::abs(v);
    if (v != 0.0 && (size < 1e-3 || size >= 1e6)) return true;
    if (!std::isfinite(v)) return false;
  }
  return false;
}

std::string format_number(double v, int precision, bool scientific) {
  if (v == 0.0) v = 0.0;  // no "-0.0000"
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return scientific ? fmt::format("{:.{}e}", v, precision) : fmt::format("{:.{}f}", v, precision);
}

std::vector<std::vector<std::string>> aligned(const Matrix& m, int precision) {
  const bool scientific = needs_scientific(m);
  std::vector<std::vector<std::string>> cells(m.shape(0));
  std::vector<std::size_t> width(m.shape(1), 0);
  for (std::size_t r = 0; r < m.shape(0); ++r)
    for (std::size_t c = 0; c < m.shape(1); ++c) {
      cells[r].push_back(format_number(m(r, c), precision, scientific));
      width[c] = std::max(width[c], cells[r][c].size());
    }
  for (auto& row : cells)
    for (std::size_t c = 0; c < row.size(); ++c)
      row[c] = std::string(width[c] - row[c].size(), ' ') + row[c];
  return cells;
}

std::string latex_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '_' || c == '%' || c == '&' || c == '#' || c == '$' || c == '{' || c == '}')
      out += '\\';
    out += c;
  }
  return out;
}

namespace {

// One code point of UTF-8 text: the character and how many bytes it takes.
struct CodePoint {
  char32_t c;
  std::size_t size;
};

CodePoint decode(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
  const unsigned char b = byte(0);
  const std::size_t size = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (at + size > s.size()) return {b, 1};
  if (size == 1) return {b, 1};
  char32_t c = b & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07);
  for (std::size_t i = 1; i < size; ++i) c = (c << 6) | (byte(i) & 0x3F);
  return {c, size};
}

struct Symbol {
  char32_t c;
  const char* tex;
};

// Math mode. Σ is the sum wherever this workbook writes it.
constexpr Symbol math_symbols[] = {
    {U'α', "\\alpha"}, {U'β', "\\beta"}, {U'γ', "\\gamma"}, {U'δ', "\\delta"},
    {U'ε', "\\varepsilon"}, {U'ζ', "\\zeta"}, {U'η', "\\eta"}, {U'θ', "\\theta"},
    {U'κ', "\\kappa"}, {U'λ', "\\lambda"}, {U'μ', "\\mu"}, {U'ν', "\\nu"}, {U'ξ', "\\xi"},
    {U'π', "\\pi"}, {U'ρ', "\\rho"}, {U'σ', "\\sigma"}, {U'τ', "\\tau"}, {U'φ', "\\varphi"},
    {U'χ', "\\chi"}, {U'ψ', "\\psi"}, {U'ω', "\\omega"}, {U'Γ', "\\Gamma"}, {U'Δ', "\\Delta"},
    {U'Θ', "\\Theta"}, {U'Λ', "\\Lambda"}, {U'Π', "\\Pi"}, {U'Σ', "\\sum"}, {U'Φ', "\\Phi"},
    {U'Ψ', "\\Psi"}, {U'Ω', "\\Omega"}, {U'∑', "\\sum"}, {U'∏', "\\prod"},
    {U'−', "-"}, {U'×', "\\times"}, {U'·', "\\cdot"}, {U'⋅', "\\cdot"}, {U'⊙', "\\odot"},
    {U'∂', "\\partial"}, {U'∇', "\\nabla"}, {U'‖', "\\|"}, {U'≤', "\\le"}, {U'≥', "\\ge"},
    {U'≈', "\\approx"}, {U'≠', "\\ne"}, {U'→', "\\to"}, {U'←', "\\leftarrow"},
    {U'⇒', "\\Rightarrow"}, {U'⋮', "\\vdots"}, {U'⋯', "\\cdots"}, {U'…', "\\dots"},
    {U'½', "\\tfrac{1}{2}"}, {U'′', "'"}, {U'″', "''"}, {U'∈', "\\in"}, {U'∞', "\\infty"},
    {U'±', "\\pm"}, {U'∘', "\\circ"}, {U'⊤', "\\top"}, {U'√', "\\surd"}, {U'∼', "\\sim"},
    {U'⟨', "\\langle"}, {U'⟩', "\\rangle"}, {U'∣', "\\mid"}, {U'∀', "\\forall"},
    {U'ŷ', "\\hat{y}"}, {U'Ŷ', "\\hat{Y}"}, {U'ỹ', "\\tilde{y}"}, {U'ℓ', "\\ell"},
    {U'\u00A0', "~"}, {U'\u2009', "\\,"}, {U'\u202F', "\\,"}, {U'—', "\\text{---}"},
    {U'–', "\\text{--}"}, {U'✓', "\\checkmark"}, {U'✗', "\\times"},
};

// Text mode, where a symbol outside these goes into $…$.
constexpr Symbol text_symbols[] = {
    {U'—', "---"}, {U'–', "--"}, {U'‘', "`"}, {U'’', "'"}, {U'“', "``"}, {U'”', "''"},
    {U'…', "\\dots{}"}, {U'\u00A0', "~"}, {U'\u2009', "\\,"}, {U'\u202F', "\\,"},
    {U'é', "\\'e"}, {U'è', "\\`e"}, {U'ö', "\\\"o"}, {U'ü', "\\\"u"}, {U'ä', "\\\"a"},
    {U'•', "\\textbullet{}"}, {U'·', "$\\cdot$"}, {U'✓', "$\\checkmark$"}, {U'✗', "$\\times$"},
    {U'⏎', "Enter"},
    // The sparkline's bars, as rules of eight heights.
    {U'▁', "\\rule{1.6pt}{0.12em}"}, {U'▂', "\\rule{1.6pt}{0.24em}"}, {U'▃', "\\rule{1.6pt}{0.36em}"},
    {U'▄', "\\rule{1.6pt}{0.48em}"}, {U'▅', "\\rule{1.6pt}{0.6em}"}, {U'▆', "\\rule{1.6pt}{0.72em}"},
    {U'▇', "\\rule{1.6pt}{0.84em}"}, {U'█', "\\rule{1.6pt}{0.96em}"},
};

// Superscript and subscript letters, as what they raise or lower.
constexpr Symbol superscripts[] = {
    {U'⁰', "0"}, {U'¹', "1"}, {U'²', "2"}, {U'³', "3"}, {U'⁴', "4"}, {U'⁵', "5"}, {U'⁶', "6"},
    {U'⁷', "7"}, {U'⁸', "8"}, {U'⁹', "9"}, {U'⁺', "+"}, {U'⁻', "-"}, {U'⁽', "("}, {U'⁾', ")"},
    {U'ˡ', "l"}, {U'ᴸ', "L"}, {U'ᵀ', "\\top"}, {U'ⁿ', "n"}, {U'ᵏ', "k"}, {U'ⁱ', "i"},
    {U'ʲ', "j"}, {U'ᵐ', "m"}, {U'ᵗ', "t"},
};
constexpr Symbol subscripts[] = {
    {U'₀', "0"}, {U'₁', "1"}, {U'₂', "2"}, {U'₃', "3"}, {U'₄', "4"}, {U'₅', "5"}, {U'₆', "6"},
    {U'₇', "7"}, {U'₈', "8"}, {U'₉', "9"}, {U'₊', "+"}, {U'₋', "-"}, {U'₍', "("}, {U'₎', ")"},
    {U'ᵢ', "i"}, {U'ⱼ', "j"}, {U'ₖ', "k"}, {U'ₗ', "l"}, {U'ₘ', "m"}, {U'ₙ', "n"}, {U'ₐ', "a"},
    {U'ₑ', "e"}, {U'ₒ', "o"}, {U'ₓ', "x"}, {U'ₜ', "t"}, {U'ₚ', "p"}, {U'ₛ', "s"}, {U'ₕ', "h"},
};

// Combining accents, which apply to the character before them: J̃, x̂.
constexpr Symbol accents[] = {
    {U'\u0302', "\\hat"}, {U'\u0303', "\\tilde"}, {U'\u0304', "\\bar"}, {U'\u0307', "\\dot"},
};

template <std::size_t N>
const char* find(const Symbol (&table)[N], char32_t c) {
  for (const Symbol& s : table)
    if (s.c == c) return s.tex;
  return nullptr;
}

// Appends TeX to math, with a space where a command that this conversion wrote
// ("\\partial") would otherwise run into a letter after it ("\\partialJ"). TeX
// that was in the text already is copied as it is.
struct MathOut {
  std::string tex;
  bool after_command = false;

  void converted(std::string_view command) {
    letter_follows(command);
    tex += command;
    after_command = !command.empty() && std::isalpha(static_cast<unsigned char>(command.back()));
  }
  void copied(char c) {
    letter_follows(std::string_view(&c, 1));
    tex += c;
    after_command = false;
  }
  void letter_follows(std::string_view next) {
    if (after_command && !next.empty() && std::isalpha(static_cast<unsigned char>(next[0]))) tex += ' ';
  }
};

bool is_scientific(std::string_view s) {
  static const std::regex number(R"([-+]?[0-9]+(\.[0-9]+)?e[-+]?[0-9]+)");
  return std::regex_match(s.begin(), s.end(), number);
}

}  // namespace

std::string latex_number(std::string_view formatted) {
  std::string s(formatted);
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  if (s == "NaN") return "\\mathrm{NaN}";
  if (s == "inf" || s == "-inf") return s[0] == '-' ? "-\\infty" : "\\infty";
  if (!is_scientific(s)) return s;
  if (std::stod(s) == 0) return "0";  // not 0.0 \times 10^{0}
  const auto e = s.find('e');
  const int exponent = std::stoi(s.substr(e + 1));
  return s.substr(0, e) + " \\times 10^{" + std::to_string(exponent) + "}";
}

std::string latex_math(std::string_view text) {
  MathOut out;
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint p = decode(text, at);
    // A run of superscripts or of subscripts becomes one ^{…} or _{…}.
    const bool raised = find(superscripts, p.c) != nullptr, lowered = find(subscripts, p.c) != nullptr;
    if (raised || lowered) {
      MathOut inner;
      while (at < text.size()) {
        const CodePoint q = decode(text, at);
        const char* tex = raised ? find(superscripts, q.c) : find(subscripts, q.c);
        if (!tex) break;
        inner.converted(tex);
        at += q.size;
      }
      out.converted((raised ? "^{" : "_{") + inner.tex + "}");
      continue;
    }
    at += p.size;
    if (p.c < 0x80) {
      out.copied(static_cast<char>(p.c));
    } else if (const char* accent = find(accents, p.c)) {
      // The accent takes the last character (or command) written: J̃ → \tilde{J}.
      std::string& t = out.tex;
      std::size_t start = t.size();
      while (start > 0 && std::isalpha(static_cast<unsigned char>(t[start - 1]))) --start;
      if (start > 0 && t[start - 1] == '\\') --start;  // a command: \lambda
      else start = t.empty() ? 0 : t.size() - 1;        // one character
      const std::string base = t.substr(start);
      t.erase(start);
      out.after_command = false;
      out.converted(std::string(accent) + "{" + base + "}");
    } else if (const char* tex = find(math_symbols, p.c)) {
      out.converted(tex);
    } else {
      out.converted(text.substr(at - p.size, p.size));  // no TeX form: kept, for a test to find
    }
  }
  return out.tex;
}

namespace {

bool has_math_symbol(std::string_view word) {
  for (std::size_t at = 0; at < word.size();) {
    const CodePoint p = decode(word, at);
    at += p.size;
    if (p.c >= 0x80 && !find(text_symbols, p.c)) return true;
  }
  while (!word.empty() && std::string_view(",.;:)").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  return is_scientific(word);
}

// A word that reads as part of a formula when it stands between symbols: "=", "+", "2".
bool is_glue(std::string_view word) {
  if (word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0])))
    return word != "a" && word != "A" && word != "I";
  static const std::regex glue(R"([=+/<>*-]|[0-9]+(\.[0-9]+)?)");
  return std::regex_match(word.begin(), word.end(), glue);
}

bool is_number(std::string_view word) {
  while (!word.empty() && std::string_view(",.;:").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  static const std::regex number(R"([-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)");
  return !word.empty() && std::regex_match(word.begin(), word.end(), number);
}

bool is_operator(std::string_view word) { return word.size() == 1 && std::string_view("=+-/<>*").find(word[0]) != std::string_view::npos; }

// Whether words[k] belongs to a formula that a word with symbols starts or
// continues: the symbols themselves, what stands between two of them ("=", "+",
// a letter, a number), and an operator with the number after it ("λ = 0.01").
bool joins(const std::vector<std::string_view>& words, std::size_t k) {
  const auto next = [&](std::size_t i) { return i + 1 < words.size() ? words[i + 1] : std::string_view(); };
  if (words[k].empty()) return false;
  if (has_math_symbol(words[k])) return true;
  if (is_glue(words[k]) && has_math_symbol(next(k))) return true;
  if (is_operator(words[k]) && is_number(next(k))) return true;
  return k > 0 && is_number(words[k]) && is_operator(words[k - 1]);
}

bool is_flag(std::string_view word) {
  static const std::regex flag(R"(--?[A-Za-z][A-Za-z0-9-]*)");
  return std::regex_match(word.begin(), word.end(), flag);
}

// Plain words: LaTeX's special characters and the few text symbols it has.
std::string text_word(std::string_view word) {
  std::string out;
  for (std::size_t at = 0; at < word.size();) {
    const CodePoint p = decode(word, at);
    at += p.size;
    switch (p.c) {
      case '\\': out += "\\textbackslash{}"; continue;
      case '~': out += "\\textasciitilde{}"; continue;
      case '^': out += "\\textasciicircum{}"; continue;
      case '<': out += "\\textless{}"; continue;
      case '>': out += "\\textgreater{}"; continue;
      case '|': out += "\\textbar{}"; continue;
      case '_': case '%': case '&': case '#': case '$': case '{': case '}':
        out += '\\';
        out += static_cast<char>(p.c);
        continue;
      default: break;
    }
    if (p.c < 0x80) out += static_cast<char>(p.c);
    else if (const char* tex = find(text_symbols, p.c)) out += tex;
    else out += word.substr(at - p.size, p.size);
  }
  return out;
}

// A formula's words for math mode: TeX's special characters escaped first, and a
// number in scientific notation as TeX writes it ("ε = 1e-4" → "\\varepsilon = 1
// \\times 10^{-4}").
std::string math_word(std::string_view formula) {
  std::string out;
  for (std::size_t at = 0; at <= formula.size();) {
    const auto space = std::min(formula.find(' ', at), formula.size());
    const std::string_view word = formula.substr(at, space - at);
    if (at) out += ' ';
    std::size_t core = word.size();
    while (core > 0 && word[core - 1] == ')') --core;
    if (core > 0 && is_scientific(word.substr(0, core))) {
      out += latex_number(word.substr(0, core)) + std::string(word.substr(core));
    } else {
      std::string escaped;
      for (char c : word) {
        if (c == '%' || c == '&' || c == '#' || c == '$' || c == '_' || c == '{' || c == '}') escaped += '\\';
        if (c == '\\') escaped += "\\backslash ";
        else if (c == '~') escaped += "\\sim ";
        else if (c == '^') escaped += "\\hat{}";
        else escaped += c;
      }
      out += latex_math(escaped);
    }
    at = space + 1;
  }
  return out;
}

}  // namespace

std::string latex_text(std::string_view text) {
  // Words are split at spaces; a run of words with symbols (and the "=", "+" or
  // numbers between them) becomes one formula: "δ⁽³⁾ = ∂J/∂ŷ ⊙ f′(z⁽³⁾)".
  std::vector<std::string_view> words;
  for (std::size_t at = 0; at <= text.size();) {
    const auto space = std::min(text.find(' ', at), text.size());
    words.push_back(text.substr(at, space - at));
    at = space + 1;
  }
  std::string out;
  for (std::size_t i = 0; i < words.size();) {
    if (i) out += ' ';
    std::size_t end = i;
    bool math = false;
    while (end < words.size() && joins(words, end)) {
      math = math || has_math_symbol(words[end]);
      const char last = words[end].empty() ? ' ' : words[end].back();
      ++end;
      if (std::string_view(",;:").find(last) != std::string_view::npos) break;  // the formula ends there
    }
    if (!math) {
      // A flag keeps its two hyphens, which text would set as an en dash.
      std::string_view word = words[i];
      std::size_t core = word.size();
      while (core > 0 && std::string_view(",.;:)").find(word[core - 1]) != std::string_view::npos) --core;
      const std::size_t open = !word.empty() && word[0] == '(' ? 1 : 0;
      if (core > open && is_flag(word.substr(open, core - open))) {
        out += text_word(word.substr(0, open));
        std::string flag(word.substr(open, core - open));
        if (flag.starts_with("--")) flag.replace(0, 2, "-{}-");
        out += "\\texttt{" + flag + "}" + text_word(word.substr(core));
      } else {
        out += text_word(word);
      }
      ++i;
      continue;
    }
    // The formula, without the punctuation around it.
    std::string formula;
    for (std::size_t w = i; w < end; ++w) formula += (w > i ? " " : "") + std::string(words[w]);
    std::size_t core = formula.size();
    // Punctuation after it stays text, and so does a ")" that closes a "(" before it.
    const auto unbalanced = [&] {
      return std::count(formula.begin(), formula.begin() + static_cast<std::ptrdiff_t>(core), ')') >
             std::count(formula.begin(), formula.begin() + static_cast<std::ptrdiff_t>(core), '(');
    };
    while (core > 0 && (std::string_view(",.;:").find(formula[core - 1]) != std::string_view::npos ||
                        (formula[core - 1] == ')' && unbalanced())))
      --core;
    out += "$" + math_word(formula.substr(0, core)) + "$" + text_word(formula.substr(core));
    i = end;
  }
  return out;
}

namespace {

// The indices shown out of n: all of them, or the first and last `keep`, with
// npos standing for the gap between.
std::vector<std::size_t> shown(std::size_t n, std::size_t limit, std::size_t keep, bool full) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (!full && n > limit && i == keep) {
      out.push_back(std::string::npos);
      i = n - keep - 1;
      continue;
    }
    out.push_back(i);
  }
  return out;
}

}  // namespace

Grid grid(const Matrix& m, int precision, bool full) {
  const bool scientific = needs_scientific(m);
  const auto rows = shown(m.shape(0), 12, 5, full), cols = shown(m.shape(1), 10, 4, full);
  Grid g;
  std::vector<std::size_t> width(cols.size(), 1);
  for (std::size_t r : rows) {
    g.row_labels.push_back(r == std::string::npos ? "⋮" : std::to_string(r + 1));
    std::vector<std::string> line;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (cols[c] == std::string::npos) line.push_back("⋯");
      else if (r == std::string::npos) line.push_back("⋮");
      else line.push_back(format_number(m(r, cols[c]), precision, scientific));
      width[c] = std::max(width[c], display_width(line.back()));
    }
    g.cells.push_back(std::move(line));
  }
  for (std::size_t c : cols) g.column_labels.push_back(c == std::string::npos ? "⋯" : std::to_string(c + 1));
  for (auto& line : g.cells)
    for (std::size_t c = 0; c < line.size(); ++c)
      line[c] = std::string(width[c] - display_width(line[c]), ' ') + line[c];
  return g;
}

std::string plain(double v) { return fmt::format("{}", v); }

TableCells table_cells(const Matrix& rows, const std::vector<std::string>& row_names,
                       const std::vector<std::string>& column_names, int precision) {
  TableCells t{std::vector<std::vector<std::string>>(rows.shape(0)), {}, 0};
  for (std::size_t c = 0; c < rows.shape(1); ++c) {
    const Matrix column = xt::view(rows, xt::all(), xt::range(c, c + 1));
    const int digits = needs_scientific(column) ? std::max(1, precision - 2) : precision + 4;
    const auto formatted = aligned(column, digits);
    t.width.push_back(std::max(formatted.empty() ? 0 : formatted[0][0].size(), column_names[c].size()));
    for (std::size_t i = 0; i < formatted.size(); ++i) t.cells[i].push_back(formatted[i][0]);
  }
  for (const auto& name : row_names) t.name_width = std::max(t.name_width, display_width(name));
  return t;
}

}  // namespace bpw::cells
