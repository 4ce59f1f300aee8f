// width_check WIDTH NARROW WIDE
//
// Checks a chapter's text output made for WIDTH columns (NARROW) against the
// same command's output with no width (WIDE):
//   - no line of NARROW takes more than WIDTH columns on a terminal (one per
//     code point, none for a combining mark), unless it is one word, which
//     cannot be broken (a long path, a sparkline);
//   - both hold the same matrices in the same order, row for row and cell for
//     cell: a matrix too wide is printed in blocks of whole columns, never a
//     row wrapped, and each block stands under a caption "columns 5–8 of 10"
//     that names its columns, the blocks' columns running from 1 to n in order.
// Prints the first problems and exits 1, or exits 0.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Written apart from the library's display_width, so that a mistake in one shows.
std::size_t columns_of(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
    const std::size_t size = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    unsigned code = b;
    if (size > 1 && i + size <= line.size()) {
      code = b & (0xFF >> (size + 1));
      for (std::size_t k = 1; k < size; ++k) code = (code << 6) | (line[i + k] & 0x3F);
    }
    const bool combining = (code >= 0x300 && code < 0x370) || (code >= 0x1AB0 && code < 0x1B00) ||
                           (code >= 0x1DC0 && code < 0x1E00) || (code >= 0x20D0 && code < 0x2100) ||
                           (code >= 0xFE20 && code < 0xFE30);
    n += combining ? 0 : 1;
    i += size;
  }
  return n;
}

std::vector<std::string> lines_of(const char* path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "width_check: cannot read " << path << "\n";
    std::exit(2);
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool is_row(const std::string& line) {
  static const std::regex row(R"(^ {7}(⎡|⎢|⎣|\[) .* (⎤|⎥|⎦|\])$)");
  return std::regex_match(line, row);
}

// A matrix as printed: its rows' cells, and for each block (one when it is
// not split) the caption over it and the rows it holds.
struct Block {
  std::string caption;  // empty: no caption
  std::vector<std::vector<std::string>> rows;
  std::size_t line;  // where it starts, from 1
};
struct Printed {
  std::vector<Block> blocks;
  std::vector<std::vector<std::string>> rows;  // the blocks side by side
};

std::vector<Printed> matrices(const std::vector<std::string>& lines) {
  static const std::regex caption(R"(^ {7}(columns? .* of [0-9]+)$)");
  std::vector<Printed> found;
  bool continues = false;  // the line before closed a block that a caption may continue
  for (std::size_t i = 0; i < lines.size();) {
    std::smatch m;
    std::string title;
    std::size_t start = i;
    if (std::regex_match(lines[i], m, caption) && i + 1 < lines.size() && is_row(lines[i + 1])) {
      title = m[1];
      start = i + 1;
    } else if (!is_row(lines[i])) {
      continues = false;
      ++i;
      continue;
    }
    Block block{title, {}, start + 1};
    std::size_t end = start;
    // One "[ … ]" row, or "⎡ … ⎤" to "⎣ … ⎦".
    const bool single = lines[start].compare(7, 1, "[") == 0;
    while (end < lines.size() && is_row(lines[end])) {
      auto cells = words_of(lines[end]);
      cells.erase(cells.begin());
      cells.pop_back();
      block.rows.push_back(cells);
      const bool last = single || lines[end].find("⎦") != std::string::npos;
      ++end;
      if (last) break;
    }
    if (!title.empty() && continues && !found.back().blocks.front().caption.empty()) {
      found.back().blocks.push_back(block);
    } else {
      found.push_back({{block}, {}});
    }
    continues = !title.empty();
    i = end;
  }
  for (Printed& p : found) {
    p.rows.resize(p.blocks.front().rows.size());
    for (const Block& b : p.blocks)
      for (std::size_t r = 0; r < b.rows.size() && r < p.rows.size(); ++r)
        p.rows[r].insert(p.rows[r].end(), b.rows[r].begin(), b.rows[r].end());
  }
  return found;
}

// "1–4, 97–100" → 1 2 3 4 97 98 99 100
std::vector<long> numbers_in(const std::string& caption, long& of) {
  static const std::regex form(R"(^columns? (.*) of ([0-9]+)$)");
  static const std::regex run(R"(^([0-9]+)(–([0-9]+))?$)");
  std::smatch m;
  std::vector<long> numbers;
  if (!std::regex_match(caption, m, form)) return numbers;
  of = std::stol(m[2]);
  std::string list = m[1];
  for (std::size_t at = 0; at <= list.size();) {
    const std::size_t comma = std::min(list.find(", ", at), list.size());
    const std::string part = list.substr(at, comma - at);
    std::smatch r;
    if (!std::regex_match(part, r, run)) return {};
    const long from = std::stol(r[1]), to = r[3].matched ? std::stol(r[3]) : from;
    for (long n = from; n <= to; ++n) numbers.push_back(n);
    at = comma + 2;
  }
  return numbers;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: width_check WIDTH NARROW WIDE\n";
    return 2;
  }
  const std::size_t width = std::strtoul(argv[1], nullptr, 10);
  const auto narrow = lines_of(argv[2]), wide = lines_of(argv[3]);
  int problems = 0;
  const auto problem = [&](const std::string& what) {
    if (++problems <= 10) std::cerr << argv[2] << ": " << what << "\n";
  };

  for (std::size_t i = 0; i < narrow.size(); ++i)
    if (columns_of(narrow[i]) > width && words_of(narrow[i]).size() > 1)
      problem("line " + std::to_string(i + 1) + " takes " + std::to_string(columns_of(narrow[i])) +
              " columns, more than " + std::to_string(width) + ":\n" + narrow[i]);

  const auto split = matrices(narrow), whole = matrices(wide);
  if (split.size() != whole.size())
    problem(std::to_string(split.size()) + " matrices, but " + std::to_string(whole.size()) +
            " with no width");
  for (std::size_t k = 0; k < split.size() && k < whole.size(); ++k) {
    const Printed& p = split[k];
    const std::string where = "the matrix at line " + std::to_string(p.blocks.front().line);
    if (p.rows != whole[k].rows) problem(where + " is not the same as with no width, cell for cell");
    if (p.blocks.size() == 1) {
      if (!p.blocks.front().caption.empty()) problem(where + " is one block under a caption");
      continue;
    }
    // Split: each block's caption names its columns, which run from 1 to n.
    std::vector<long> all;
    long of = 0;
    for (const Block& b : p.blocks) {
      long n = 0;
      const auto numbers = numbers_in(b.caption, n);
      std::size_t gaps = 0;
      for (const std::string& cell : b.rows.front()) gaps += cell == "⋯";
      if (numbers.empty() || numbers.size() + gaps != b.rows.front().size())
        problem("the block at line " + std::to_string(b.line) + " has " +
                std::to_string(b.rows.front().size()) + " columns but its caption says '" + b.caption + "'");
      if (of != 0 && n != of) problem(where + ": its blocks' captions disagree on the number of columns");
      of = n;
      all.insert(all.end(), numbers.begin(), numbers.end());
    }
    bool in_order = !all.empty() && all.front() == 1 && all.back() == of;
    for (std::size_t i = 1; i < all.size(); ++i) in_order = in_order && all[i] > all[i - 1];
    if (!in_order) problem(where + ": its blocks' columns do not run from 1 to " + std::to_string(of) + " in order");
  }
  if (problems > 10) std::cerr << "… and " << problems - 10 << " more\n";
  return problems == 0 ? 0 : 1;
}
