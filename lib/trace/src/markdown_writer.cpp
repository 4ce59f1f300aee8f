// The trace as Markdown: a table per matrix, for notes and handouts.
#include <ostream>

#include "bpw/table.hpp"
#include "cells.hpp"
#include "worksheet.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

// A table cell in Markdown: a bar would end the cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

class MarkdownWriter final : public Writer {
 public:
  MarkdownWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view title) override {
    out_ << "---\ntitle: \"Backprop Workbook — " << title << "\"\n---\n\n"
         << worksheet::intro(options_.worksheet, Format::markdown);
  }
  void end_document() override {}

  void heading(std::string_view title) override { out_ << "## " << title << "\n\n"; }
  void note(std::string_view text) override { out_ << text << "\n\n"; }

  void matrix(const MatrixRecord& r) override {
    const std::string label = label_of(r.eq);
    if (r.brief) {
      out_ << "- **" << label << "** " << r.eq.text << " · `[" << to_string(shape_of(r.value))
           << "]`\n";
      return;
    }
    out_ << "**" << label << "** " << r.eq.text << " · `" << shape_line(r.value, r.factors)
         << "` · `" << r.source << "`\n\n";
    cells::Grid g = cells::grid(r.value, options_.precision, options_.full);
    if (r.blank) worksheet::fill(g.cells, options_.worksheet, Format::markdown);
    out_ << "| " << r.eq.symbol << " |";
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
    if (!r.explanation.empty()) out_ << "> *Why:* " << r.explanation << "\n\n";
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                options_.precision);
    if (r.blank) worksheet::fill(t.cells, options_.worksheet, Format::markdown);
    out_ << "**" << label_of(r.eq) << "** " << r.eq.text << " · `" << r.source << "`\n\n| |";
    for (const auto& name : table.columns()) out_ << " " << name << " |";
    out_ << "\n|---|";
    for (std::size_t c = 0; c < table.columns().size(); ++c) out_ << "--:|";
    out_ << "\n";
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      out_ << "| " << table.row_names()[i] << " |";
      for (const auto& value : t.cells[i]) out_ << " " << value << " |";
      out_ << "\n";
    }
    out_ << "\n";
  }

  void check(const CheckRecord& r) override {
    out_ << (r.passed ? "✓ " : "✗ ") << r.eq.symbol << " (" << r.eq.number << ") " << r.message
         << "\n\n";
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
