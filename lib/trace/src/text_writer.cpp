// The trace for a terminal: aligned matrices between brackets, in colour when
// the output is a terminal.
#include <ostream>

#include <fmt/format.h>

#include "bpw/table.hpp"
#include "cells.hpp"
#include "writer.hpp"

namespace bpw {
namespace {

namespace ansi {
constexpr const char* number = "\x1b[1;36m";
constexpr const char* equation = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* pass = "\x1b[32m";
constexpr const char* fail = "\x1b[1;31m";
constexpr const char* reset = "\x1b[0m";
}  // namespace ansi

class TextWriter final : public Writer {
 public:
  TextWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view) override {}
  void end_document() override {}

  void heading(std::string_view title) override {
    out_ << color(ansi::equation) << "━━ " << title << " " << reset() << "\n\n";
  }

  void note(std::string_view text) override { out_ << text << "\n\n"; }

  void matrix(const MatrixRecord& r) override {
    const std::string label = fmt::format("{:<7}", label_of(r.eq));
    if (r.brief) {
      out_ << "  " << color(ansi::number) << label << reset() << r.eq.text << "  " << color(ansi::dim)
           << "[" << to_string(shape_of(r.value)) << "]" << reset() << "\n";
      return;
    }
    out_ << color(ansi::number) << label << reset() << color(ansi::equation) << r.eq.text << reset()
         << "\n";
    out_ << "       " << color(ansi::dim) << shape_line(r.value, r.factors)
         << (r.source.empty() ? "" : "   at " + r.source) << reset() << "\n";
    const auto cells = cells::grid(r.value, options_.precision, options_.full).cells;
    const std::size_t rows = cells.size();
    for (std::size_t i = 0; i < rows; ++i) {
      const char* left = rows == 1 ? "[" : i == 0 ? "⎡" : i + 1 == rows ? "⎣" : "⎢";
      const char* right = rows == 1 ? "]" : i == 0 ? "⎤" : i + 1 == rows ? "⎦" : "⎥";
      out_ << "       " << left << " ";
      for (std::size_t c = 0; c < cells[i].size(); ++c) out_ << (c ? "  " : "") << cells[i][c];
      out_ << " " << right << "\n";
    }
    out_ << "\n";
    if (!r.explanation.empty())
      out_ << "       " << color(ansi::dim) << "why: " << r.explanation << reset() << "\n\n";
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    const auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                      options_.precision);
    out_ << color(ansi::number) << fmt::format("{:<7}", label_of(r.eq)) << reset()
         << color(ansi::equation) << r.eq.text << reset() << "\n       " << color(ansi::dim)
         << "at " << r.source << reset() << "\n       " << std::string(t.name_width, ' ');
    for (std::size_t c = 0; c < t.width.size(); ++c)
      out_ << "  " << fmt::format("{:>{}}", table.columns()[c], t.width[c]);
    out_ << "\n";
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      const std::string& name = table.row_names()[i];
      out_ << "       " << name << std::string(t.name_width - cells::display_width(name), ' ');
      for (std::size_t c = 0; c < t.cells[i].size(); ++c)
        out_ << "  " << fmt::format("{:>{}}", t.cells[i][c], t.width[c]);
      out_ << "\n";
    }
    out_ << "\n";
  }

  void check(const CheckRecord& r) override {
    out_ << color(r.passed ? ansi::pass : ansi::fail) << (r.passed ? "✓ " : "✗ ") << r.eq.symbol
         << " (" << r.eq.number << ") " << r.message << reset() << "\n\n";
  }

  void chain(const ChainRecord& r) override {
    const std::vector<std::string> lines = chain_lines(r, options_.precision);
    out_ << color(ansi::number) << lines.front() << reset() << "\n";
    for (std::size_t i = 1; i < lines.size(); ++i) out_ << "       " << lines[i] << "\n";
    out_ << "\n";
  }

  void end_recap() override {
    if (!options_.verbose) out_ << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    for (const ConcordanceRow& row : rows)
      out_ << fmt::format("{:<7}", "(" + std::string(row.eq.number) + ")") << "rows:     " << row.rows
           << "\n       columns:  " << row.columns << "\n       index:    " << row.eq.index_form
           << "\n       in code:  " << row.eq.code_names << "\n\n";
  }

 private:
  const char* color(const char* code) const { return options_.color ? code : ""; }
  const char* reset() const { return options_.color ? ansi::reset : ""; }

  TraceOptions options_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> text_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<TextWriter>(options, out);
}

}  // namespace bpw
