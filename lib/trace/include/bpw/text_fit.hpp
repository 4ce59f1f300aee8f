// Text that fits a terminal's width (--width, COLUMNS, or the terminal's own
// size): lines broken at spaces with a hanging indent, and the columns of a wide
// matrix or table split into blocks that each fit, as R, NumPy and Octave print
// them, never a row wrapped in the middle. A width of 0 is no limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bpw {

// Columns a string takes on a terminal: one per code point, none for a
// combining mark (the tilde of J̃). The workbook prints no wide glyphs.
std::size_t display_width(std::string_view text);

// `text` in pieces that fit `width` columns once indented: the first piece
// goes after `first` columns already written, the others after `rest` (the
// hanging indent). Breaks fall at runs of spaces, which are dropped there;
// a word longer than a line stands whole on a line of its own. Text that fits
// comes back as it is, as does any text when `width` is 0.
std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t first,
                              std::size_t rest);

// Columns of these display widths, `gap` columns apart, as blocks of
// consecutive columns [begin, end) that each take at most `room` columns. A
// column wider than `room` is a block of its own. `room` 0: one block.
struct ColumnBlock {
  std::size_t begin, end;
};
std::vector<ColumnBlock> column_blocks(const std::vector<std::size_t>& widths, std::size_t gap,
                                       std::size_t room);

// What a block of a split matrix shows, from the labels of its columns (the
// column numbers from 1, "⋯" for the columns left out between them) and the
// matrix's number of columns: "columns 5–8 of 10", "columns 1–4, 97–100 of
// 100", "column 3 of 3".
std::string columns_caption(const std::vector<std::string>& labels, std::size_t columns);

// The width of a terminal: --width when given (`flag` > 0), else the
// environment's COLUMNS when it holds a whole number, else the terminal's own
// size when the text goes to one (`terminal` > 0), else 0: no limit, so that
// text written to a file or a pipe is the same wherever it is made. A width
// from the environment or the terminal is taken as at least `least`.
int text_width(int flag, const char* columns, int terminal, int least);

}  // namespace bpw
