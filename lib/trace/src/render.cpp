// Rendering the registry's templates: symbol tokens such as ⟨z+1⟩ become z⁽²⁾ for
// a concrete layer, z⁽ˡ⁺¹⁾ in the book's general form, or Z⁽²⁾ with samples as
// columns, in Unicode or in LaTeX.
#include <optional>
#include <stdexcept>
#include <string>

#include "bpw/equations.hpp"
#include "tokens.hpp"

namespace bpw {
namespace {

constexpr std::string_view superscript_digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

// The layer as it appears in a superscript: a number, or the book's l / L with an offset.
struct LayerName {
  std::optional<int> number;  // set when instantiated
  char symbol = 'l';          // used when general
  int offset = 0;
};

std::string superscript(const LayerName& layer) {
  std::string out = "⁽";
  if (layer.number) {
    for (char c : std::to_string(*layer.number)) out += superscript_digits[c - '0'];
  } else {
    out += layer.symbol == 'L' ? "ᴸ" : "ˡ";
    if (layer.offset > 0) out += "⁺¹";
    if (layer.offset < 0) out += "⁻¹";
  }
  return out + "⁾";
}

std::string latex_superscript(const LayerName& layer) {
  std::string out = "^{(";
  if (layer.number) {
    out += std::to_string(*layer.number);
  } else {
    out += layer.symbol;
    if (layer.offset > 0) out += "+1";
    if (layer.offset < 0) out += "-1";
  }
  return out + ")}";
}

struct Renderer {
  Notation notation;
  std::optional<LayerContext> at;  // empty: the book's general form
  char layer_symbol = 'l';
  bool columns = false;  // samples as columns: Z and A, as the column tutorials write them

  LayerName layer(int offset) const {
    if (at) return {at->l + offset, layer_symbol, offset};
    return {std::nullopt, layer_symbol, offset};
  }

  std::string plain(std::string_view letter, std::string_view latex_letter, int offset) const {
    const LayerName name = layer(offset);
    if (notation == Notation::unicode) return std::string(letter) + superscript(name);
    return std::string(latex_letter) + latex_superscript(name);
  }

  // a⁽ˡ⁾, which is X at the input layer and ŷ at the output layer.
  std::string activation(int offset, bool transposed) const {
    const LayerName name = layer(offset);
    const bool uni = notation == Notation::unicode;
    std::string_view single;
    if (name.number && *name.number == 1) single = "X";
    if (name.number && at && *name.number == at->L) single = uni ? "ŷ" : "\\hat{y}";
    if (!single.empty()) {
      if (!transposed) return std::string(single);
      return std::string(single) + (uni ? "ᵀ" : "^{\\top}");
    }
    const std::string letter = columns ? "A" : "a";
    std::string symbol = uni ? letter + superscript(name) : letter + latex_superscript(name);
    if (!transposed) return symbol;
    return uni ? "(" + symbol + ")ᵀ" : "(" + symbol + ")^{\\top}";
  }

  std::string token(std::string_view name) const {
    int offset = 0;
    if (name.ends_with("+1")) offset = 1;
    if (name.ends_with("-1")) offset = -1;
    if (offset != 0) name.remove_suffix(2);
    const bool uni = notation == Notation::unicode;
    if (name == "a") return activation(offset, false);
    if (name == "aT") return activation(offset, true);
    if (name == "z") return columns ? plain("Z", "Z", offset) : plain("z", "z", offset);
    if (name == "d") return plain("δ", "\\delta", offset);
    if (name == "J") return at && at->l2 ? (uni ? "J̃" : "\\tilde{J}") : "J";
    if (name == "e") return at && at->l + offset == at->L ? "e" : plain("e", "e", offset);
    if (name == "W") return plain("W", "W", offset);
    if (name == "b") return plain("b", "b", offset);
    if (name == "WT") return "(" + plain("W", "W", offset) + (uni ? ")ᵀ" : ")^{\\top}");
    if (name == "+b") {
      if (at && !at->bias) return "";
      return " + " + plain("b", "b", offset);
    }
    throw std::logic_error("unknown symbol token ⟨" + std::string(name) + "⟩ in the equation registry");
  }

  std::string operator()(std::string_view tmpl) const {
    return substitute(tmpl, "⟨", "⟩", [this](std::string_view name) { return token(name); });
  }
};

}  // namespace

std::string render(std::string_view tmpl, Notation notation, const LayerContext& at) {
  return Renderer{notation, at, 'l', at.columns}(tmpl);
}

std::string render_general(std::string_view tmpl, Notation notation, char layer_symbol,
                           bool columns) {
  return Renderer{notation, std::nullopt, layer_symbol, columns}(tmpl);
}

std::string symbol_at(Eq id, int l) {
  return render(equation(id).symbol, Notation::unicode, {.l = l, .L = 0});
}

std::string_view text_of(const Equation& e, bool columns) {
  return columns && !e.column_text.empty() ? e.column_text : e.text;
}

std::string_view latex_of(const Equation& e, bool columns) {
  return columns && !e.column_latex.empty() ? e.column_latex : e.latex;
}

}  // namespace bpw
