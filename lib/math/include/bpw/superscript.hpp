// A layer number as the book writes it, raised: superscript(12) is "⁽¹²⁾", so
// that messages from any layer of the library name W⁽¹⁾ as the trace prints it.
#pragma once

#include <string>
#include <string_view>

namespace bpw {

std::string superscript(int l);

// "W⁽¹⁾": a symbol with its layer.
std::string at_layer(std::string_view symbol, int l);

}  // namespace bpw
