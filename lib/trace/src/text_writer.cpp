// The trace for a terminal: aligned matrices between brackets, in colour when
// the output is a terminal. With a width (--width, COLUMNS, the terminal's),
// text wraps at spaces with a hanging indent, and a matrix or table too wide
// for it is printed in blocks of whole columns, each block's columns named.
#include <ostream>

#include <fmt/format.h>

#include "bpw/table.hpp"
#include "bpw/text_fit.hpp"
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

constexpr std::size_t margin = 7;  // where values and the lines under a label start

std::string spaces(std::size_t n) { return std::string(n, ' '); }

// Columns of leading spaces: a line of a note that is indented keeps its indent.
std::size_t indent_of(std::string_view line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? 0 : first;
}

class TextWriter final : public Writer {
 public:
  TextWriter(const TraceOptions& options, std::ostream& out) : options_(options), out_(out) {}

  void begin_document(std::string_view) override {}
  void end_document() override {}

  void heading(std::string_view title) override {
    wrapped("", 0, ansi::equation, "━━ " + std::string(title) + " ", 3);
    out_ << "\n";
  }

  void note(std::string_view text) override {
    for (std::size_t at = 0; at <= text.size();) {
      const std::size_t end = std::min(text.find('\n', at), text.size());
      const std::string_view line = text.substr(at, end - at);
      wrapped("", 0, nullptr, line, indent_of(line) + 2);
      at = end + 1;
    }
    out_ << "\n";
  }

  void matrix(const MatrixRecord& r) override {
    const std::string label = fmt::format("{:<7}", label_of(r.eq));
    const std::string colored_label = color(ansi::number) + label + reset();
    if (r.brief) {
      // "  (1.1)  z⁽²⁾ = X W⁽¹⁾  [3×3]": the shape after the text, or under it if it does not fit.
      const std::size_t indent = 2 + display_width(label);
      const auto lines = wrap(r.eq.text, width(), indent, indent);
      const std::string shape = "[" + to_string(shape_of(r.value)) + "]";
      const std::size_t last = indent + display_width(lines.back());
      const bool shape_fits = width() == 0 || last + 2 + display_width(shape) <= width();
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out_ << (i ? spaces(indent) : "  " + colored_label) << lines[i];
        if (i + 1 < lines.size() || !shape_fits) out_ << "\n";
      }
      out_ << (shape_fits ? "  " : spaces(indent)) << color(ansi::dim) << shape << reset() << "\n";
      return;
    }
    wrapped(colored_label, display_width(label), ansi::equation, r.eq.text, margin);
    shape_and_source(shape_line(r.value, r.factors), r.source);
    const cells::Grid grid = cells::grid(r.value, options_.precision, options_.full);
    values(grid, r.value.shape(1));
    out_ << "\n";
    if (!r.explanation.empty()) {
      wrapped(spaces(margin), margin, ansi::dim, "why: " + r.explanation, margin + 5);
      out_ << "\n";
    }
  }

  void table(const TableRecord& r) override {
    const Table& table = r.table;
    const auto t = cells::table_cells(table.values(), table.row_names(), table.columns(),
                                      options_.precision);
    const std::string label = fmt::format("{:<7}", label_of(r.eq));
    wrapped(color(ansi::number) + label + reset(), display_width(label), ansi::equation, r.eq.text, margin);
    wrapped(spaces(margin), margin, ansi::dim, "at " + r.source, margin);
    // Each row is its name, then two spaces and the column's cells: blocks of
    // columns that fit beside the names, each with its own header.
    const std::size_t beside = margin + t.name_width + 2;
    const auto blocks = column_blocks(t.width, 2, room(beside));
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      if (k) out_ << "\n";
      out_ << spaces(margin) << spaces(t.name_width);
      for (std::size_t c = blocks[k].begin; c < blocks[k].end; ++c)
        out_ << "  " << fmt::format("{:>{}}", table.columns()[c], t.width[c]);
      out_ << "\n";
      for (std::size_t i = 0; i < t.cells.size(); ++i) {
        const std::string& name = table.row_names()[i];
        out_ << spaces(margin) << name << spaces(t.name_width - display_width(name));
        for (std::size_t c = blocks[k].begin; c < blocks[k].end; ++c)
          out_ << "  " << fmt::format("{:>{}}", t.cells[i][c], t.width[c]);
        out_ << "\n";
      }
    }
    out_ << "\n";
  }

  void check(const CheckRecord& r) override {
    wrapped("", 0, r.passed ? ansi::pass : ansi::fail,
            (r.passed ? "✓ " : "✗ ") + r.eq.symbol + " (" + r.eq.number + ") " + r.message, 2);
    out_ << "\n";
  }

  void chain(const ChainRecord& r) override {
    const std::vector<std::string> lines = chain_lines(r, options_.precision);
    wrapped("", 0, ansi::number, lines.front(), margin);
    for (std::size_t i = 1; i < lines.size(); ++i)
      wrapped(spaces(margin), margin, nullptr, lines[i], margin + indent_of(lines[i]) + 2);
    out_ << "\n";
  }

  void end_recap() override {
    if (!options_.verbose) out_ << "\n";
  }

  void concordance(const std::vector<ConcordanceRow>& rows) override {
    for (const ConcordanceRow& row : rows) {
      const std::pair<const char*, std::string_view> fields[] = {
          {"rows:     ", row.rows},
          {"columns:  ", row.columns},
          {"index:    ", row.eq.index_form},
          {"in code:  ", row.eq.code_names}};
      std::string start = fmt::format("{:<7}", "(" + std::string(row.eq.number) + ")");
      for (const auto& [name, value] : fields) {
        wrapped(start + name, margin + 10, nullptr, value, margin + 10);
        start = spaces(margin);
      }
      out_ << "\n";
    }
  }

 private:
  const char* color(const char* code) const { return options_.color ? code : ""; }
  std::string reset() const { return options_.color ? ansi::reset : ""; }
  std::size_t width() const { return options_.width > 0 ? static_cast<std::size_t>(options_.width) : 0; }
  // Columns left on a line after `used`; 0 (no limit) when there is no width.
  std::size_t room(std::size_t used) const {
    if (width() == 0) return 0;
    return width() > used ? width() - used : 1;
  }

  // `text` in the colour `code` after `prefix` (which takes `prefix_width`
  // columns and may hold colour codes of its own), wrapped at the width with
  // the lines after the first indented by `indent`.
  void wrapped(const std::string& prefix, std::size_t prefix_width, const char* code,
               std::string_view text, std::size_t indent) {
    const auto lines = wrap(text, width(), prefix_width, indent);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out_ << (i ? spaces(indent) : prefix) << (code ? color(code) : "") << lines[i]
           << (code ? reset() : "") << "\n";
  }

  // "[3×1] = [3×3]·[3×1]   at lib/math/src/forward.cpp:31" under the label;
  // when it does not fit, the source on a line of its own.
  void shape_and_source(const std::string& shape, const std::string& source) {
    std::string line = shape;
    if (!source.empty()) line += "   at " + source;
    if (width() == 0 || margin + display_width(line) <= width() || source.empty()) {
      wrapped(spaces(margin), margin, ansi::dim, line, margin);
      return;
    }
    wrapped(spaces(margin), margin, ansi::dim, shape, margin);
    wrapped(spaces(margin), margin, ansi::dim, "at " + source, margin);
  }

  // A matrix's values between brackets; too wide for the width, in blocks of
  // whole columns, each under a line that says which columns it holds.
  void values(const cells::Grid& grid, std::size_t columns) {
    const auto& cells = grid.cells;
    if (cells.empty()) return;
    std::vector<std::size_t> widths;
    for (const std::string& cell : cells.front()) widths.push_back(display_width(cell));
    // "       ⎡ " and " ⎤" around the cells, two spaces between them
    const auto blocks = column_blocks(widths, 2, room(margin + 4));
    const std::size_t rows = cells.size();
    for (const ColumnBlock& block : blocks) {
      if (blocks.size() > 1) {
        const std::vector<std::string> labels(grid.column_labels.begin() + block.begin,
                                              grid.column_labels.begin() + block.end);
        out_ << spaces(margin) << color(ansi::dim) << columns_caption(labels, columns) << reset() << "\n";
      }
      for (std::size_t i = 0; i < rows; ++i) {
        const char* left = rows == 1 ? "[" : i == 0 ? "⎡" : i + 1 == rows ? "⎣" : "⎢";
        const char* right = rows == 1 ? "]" : i == 0 ? "⎤" : i + 1 == rows ? "⎦" : "⎥";
        out_ << spaces(margin) << left << " ";
        for (std::size_t c = block.begin; c < block.end; ++c) out_ << (c > block.begin ? "  " : "") << cells[i][c];
        out_ << " " << right << "\n";
      }
    }
  }

  TraceOptions options_;
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Writer> text_writer(const TraceOptions& options, std::ostream& out) {
  return std::make_unique<TextWriter>(options, out);
}

}  // namespace bpw
