// Replacing the tokens of a template, open…close, with what `replace` makes of
// their contents. Used for the registry's symbols ⟨z+1⟩ and its references ⟦key⟧.
// Private to the library.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace bpw {

template <class Replace>
std::string substitute(std::string_view text, std::string_view open, std::string_view close,
                       Replace&& replace) {
  std::string out;
  while (!text.empty()) {
    const auto start = text.find(open);
    out += text.substr(0, start);
    if (start == std::string_view::npos) break;
    text.remove_prefix(start + open.size());
    const auto end = text.find(close);
    if (end == std::string_view::npos)
      throw std::logic_error("an unterminated token in a registry template");
    out += replace(text.substr(0, end));
    text.remove_prefix(end + close.size());
  }
  return out;
}

}  // namespace bpw
