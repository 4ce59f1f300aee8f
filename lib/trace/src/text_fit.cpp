#include "bpw/text_fit.hpp"

#include <algorithm>
#include <charconv>

namespace bpw {

namespace {

// Marks that combine with the character before them and take no column of
// their own: the diacritics, their extensions and supplement, those for
// symbols (U+20D0 …) and the half marks; variation selectors and joiners too.
bool zero_width(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200B ||
         c == 0x200C || c == 0x200D;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto b = static_cast<unsigned char>(text[at]);
    const std::size_t size = b < 0x80 ? 1 : b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = b;
    if (size > 1 && at + size <= text.size()) {
      c = b & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07);
      for (std::size_t i = 1; i < size; ++i) c = (c << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    width += zero_width(c) ? 0 : 1;
    at += std::min(size, text.size() - at);
  }
  return width;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, std::size_t first,
                              std::size_t rest) {
  if (width == 0 || first + display_width(text) <= width) return {std::string(text)};
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = first;  // columns of the current line, its indent included
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t word_start = text.find_first_not_of(' ', at);
    if (word_start == std::string_view::npos) break;  // spaces at the end
    const std::size_t word_end = std::min(text.find(' ', word_start), text.size());
    const std::string_view spaces = text.substr(at, word_start - at);
    const std::string_view word = text.substr(word_start, word_end - word_start);
    const std::size_t w = display_width(word);
    // The text's own leading spaces stay; a line that holds a word gets
    // another only when spaces and word both fit.
    if (line.empty() && lines.empty()) {
      line = std::string(spaces) + std::string(word);
      used += spaces.size() + w;
    } else if (!line.empty() && used + spaces.size() + w <= width) {
      line += std::string(spaces) + std::string(word);
      used += spaces.size() + w;
    } else {
      lines.push_back(std::move(line));
      line = std::string(word);
      used = rest + w;
    }
    at = word_end;
  }
  lines.push_back(std::move(line));
  return lines;
}

std::vector<ColumnBlock> column_blocks(const std::vector<std::size_t>& widths, std::size_t gap,
                                       std::size_t room) {
  std::vector<ColumnBlock> blocks;
  std::size_t used = 0;
  for (std::size_t c = 0; c < widths.size(); ++c) {
    if (blocks.empty() || (room > 0 && used + gap + widths[c] > room)) {
      blocks.push_back({c, c + 1});
      used = widths[c];
    } else {
      blocks.back().end = c + 1;
      used += gap + widths[c];
    }
  }
  return blocks;
}

std::string columns_caption(const std::vector<std::string>& labels, std::size_t columns) {
  // Runs of consecutive column numbers, "5–8"; the gap of ⋯ ends a run.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t shown = 0;
  for (const std::string& label : labels) {
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), n);
    if (error != std::errc() || end != label.data() + label.size()) {
      runs.emplace_back(0, 0);  // a gap
      continue;
    }
    ++shown;
    if (!runs.empty() && runs.back().second != 0 && runs.back().second + 1 == n) runs.back().second = n;
    else runs.emplace_back(n, n);
  }
  std::string text;
  for (const auto& [from, to] : runs) {
    if (from == 0) continue;
    text += (text.empty() ? "" : ", ") + std::to_string(from);
    if (to != from) text += "–" + std::to_string(to);
  }
  return (shown == 1 ? "column " : "columns ") + text + " of " + std::to_string(columns);
}

int text_width(int flag, const char* columns, int terminal, int least) {
  if (flag > 0) return flag;
  if (columns != nullptr && *columns != '\0') {
    int n = 0;
    const char* end = columns + std::char_traits<char>::length(columns);
    const auto [stop, error] = std::from_chars(columns, end, n);
    if (error == std::errc() && stop == end && n > 0) return std::max(n, least);
  }
  if (terminal > 0) return std::max(terminal, least);
  return 0;
}

}  // namespace bpw
