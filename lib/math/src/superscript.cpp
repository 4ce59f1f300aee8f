#include "bpw/superscript.hpp"

namespace bpw {

std::string superscript(int l) {
  constexpr std::string_view digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out = "⁽";
  if (l < 0) out += "⁻";
  for (char c : std::to_string(l < 0 ? -l : l)) out += digits[c - '0'];
  return out + "⁾";
}

std::string at_layer(std::string_view symbol, int l) { return std::string(symbol) + superscript(l); }

}  // namespace bpw
