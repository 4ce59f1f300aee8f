// The trace as Markdown: a table per matrix, for notes and handouts. Formulas
// are TeX between dollars, as pandoc, GitHub and the KaTeX and MathJax plug-ins
// of common renderers read them; the prose around them is escaped so that no
// renderer takes a * or _ for emphasis or -- for a dash.
#include <ostream>
#include <regex>

#include "bpw/table.hpp"
#include "cells.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

// A table cell in Markdown: a bar would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// A formula: TeX between dollars, with no space inside them (pandoc's rule), and
// no bar, which would end a table cell: \| and | as \Vert and \vert.
std::string math(std::string_view latex) {
  std::string tex = cells::latex_math(latex), out;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    if (tex.compare(i, 2, "\\|") == 0) {
      out += "\\Vert{}";
      ++i;
    } else if (tex[i] == '|') {
      out += "\\vert{}";
    } else {
      out += tex[i];
    }
  }
  return "$" + out + "$";
}

// Prose: Markdown's special characters escaped, and a command-line flag as code,
// so that --verbose keeps its two hyphens.
std::string text(std::string_view prose) {
  static const std::regex flag(R"(^\(?(--?[A-Za-z][A-Za-z0-9-]*)[,.;:)]*$)");
  std::string out;
  for (std::size_t at = 0; at <= prose.size();) {
    const auto space = std::min(prose.find(' ', at), prose.size());
    const std::string word(prose.substr(at, space - at));
    if (at) out += ' ';
    std::smatch m;
    if (std::regex_match(word, m, flag)) {
      out += word.substr(0, static_cast<std::size_t>(m.position(1))) + "`" + m[1].str() + "`" +
             word.substr(static_cast<std::size_t>(m.position(1) + m.length(1)));
    } else {
      for (char c : word) {
        if (std::string_view("\\`*_$<[]").find(c) != std::string_view::npos) out += '\\';
        out += c;
      }
    }
    at = space + 1;
  }
  return out;
}

class MarkdownWriter final : public Writer {
 public:
  MarkdownWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view title) override {
    out_ << "---\ntitle: \"Backprop Workbook — " << title << "\"\n---\n\n";
  }
  void end_document() override {}

  void heading(std::string_view title) override { out_ << "## " << text(title) << "\n\n"; }
  void note(std::string_view prose) override { out_ << text(prose) << "\n\n"; }

  void matrix(const MatrixRecord& r) override {
    const std::string label = label_of(r.eq);
    if (r.brief) {
      out_ << "- **" << label << "** " << math(r.eq.latex) << " · `[" << to_string(shape_of(r.value))
           << "]`\n";
      return;
    }
    out_ << "**" << label << "** " << math(r.eq.latex) << " · `" << shape_line(r.value, r.factors)
         << "`" << (r.source.empty() ? "" : " · `" + r.source + "`") << "\n\n";
    const cells::Grid g = cells::grid(r.value, options_.precision, options_.full);
    out_ << "| " << cell(math(r.eq.latex_symbol)) << " |";
    for (const std::string& column : g.column_labels) out_ << " " << column << " |";
    out_ << "\n|--:|";
    for (std::size_t c = 0; c < g.column_labels.size(); ++c) out_ << "--:|";
    out_ << "\n";
    for (std::size_t i = 0; i < g.cells.size(); ++i) {
      out_ << "| " << g.row_labels[i] << " |";
      for (const std::string& value : g.cells[i]) out_ << " " << value << " |";
      out_ << "\n";
    }
    out_ << "\n";
    if (!r.explanation.empty()) out_ << "> *Why:* " << text(r.explanation) << "\n\n";
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    const auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                      options_.precision);
    out_ << "**" << label_of(r.eq) << "** " << math(r.eq.latex) << " · `" << r.source << "`\n\n| |";
    for (const auto& name : table.columns()) out_ << " " << cell(text(name)) << " |";
    out_ << "\n|---|";
    for (std::size_t c = 0; c < table.columns().size(); ++c) out_ << "--:|";
    out_ << "\n";
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      out_ << "| " << cell(text(table.row_names()[i])) << " |";
      for (const auto& value : t.cells[i]) out_ << " " << value << " |";
      out_ << "\n";
    }
    out_ << "\n";
  }

  void check(const CheckRecord& r) override {
    out_ << (r.passed ? "✓ " : "✗ ") << math(r.eq.latex_symbol) << " (" << r.eq.number << ") "
         << text(r.message) << "\n\n";
  }

  void chain(const ChainRecord& r) override {
    const std::vector<std::string> lines = chain_lines(r, options_.precision);
    out_ << "**" << lines.front() << "**\n\n";
    for (std::size_t i = 1; i < lines.size(); ++i) out_ << "- " << lines[i] << "\n";
    out_ << "\n";
  }

  void end_recap() override {
    if (!options_.verbose) out_ << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    out_ << "| eq. | samples as rows | samples as columns | index notation | in code |\n"
            "|---|---|---|---|---|\n";
    for (const ConcordanceRow& row : rows)
      out_ << "| (" << row.eq.number << ") | " << cell(row.rows) << " | " << cell(row.columns)
           << " | " << cell(row.eq.index_form) << " | " << cell(row.eq.code_names) << " |\n";
  }

 private:
  TraceOptions options_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> markdown_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<MarkdownWriter>(options, out);
}

}  // namespace bpw
