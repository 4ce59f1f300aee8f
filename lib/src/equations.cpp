#include "bpw/equations.hpp"

#include <array>
#include <stdexcept>

namespace bpw {
namespace {

using enum Eq;

// clang-format off
constexpr std::array registry{
  Equation{X, "X", "", "X", "X", "X", "ch01_forward_pass", 'l'},
  Equation{y, "y", "", "y", "y", "y", "ch02_cost", 'l'},
  Equation{W, "W", "", "⟨W⟩", "⟨W⟩", "⟨W⟩", "ch01_forward_pass", 'l'},
  Equation{b, "b", "", "⟨b⟩", "⟨b⟩", "⟨b⟩", "ch01_forward_pass", 'l'},

  Equation{weighted_input, "weighted_input", "1.1", "⟨z+1⟩",
           "⟨z+1⟩ = ⟨a⟩ ⟨W⟩⟨+b⟩",
           "⟨z+1⟩ = ⟨a⟩ ⟨W⟩⟨+b⟩", "ch01_forward_pass", 'l'},
  Equation{activation, "activation", "1.2", "⟨a+1⟩",
           "⟨a+1⟩ = f(⟨z+1⟩)",
           "⟨a+1⟩ = f(⟨z+1⟩)", "ch01_forward_pass", 'l'},

  Equation{output_error, "output_error", "2.1", "e",
           "e = y − ŷ",
           "e = y - \\hat{y}", "ch02_cost", 'L'},
  Equation{total_cost, "total_cost", "2.2", "J",
           "J = Σₘ Jₘ",
           "J = \\sum_{m} J_m", "ch02_cost", 'L'},
  Equation{sse_sample_cost, "sse_sample_cost", "2.3", "Jₘ",
           "Jₘ = ½ Σₖ (yₘₖ − ŷₘₖ)²",
           "J_m = \\frac{1}{2} \\sum_{k} (y_{mk} - \\hat{y}_{mk})^2", "ch02_cost", 'L'},
  Equation{mse_sample_cost, "mse_sample_cost", "2.4", "Jₘ",
           "Jₘ = (1/M) Σₖ (yₘₖ − ŷₘₖ)²",
           "J_m = \\frac{1}{M} \\sum_{k} (y_{mk} - \\hat{y}_{mk})^2", "ch02_cost", 'L'},

  Equation{output_delta, "output_delta", "3.1", "⟨d⟩",
           "⟨d⟩ = ∂J/∂ŷ ⊙ f′(⟨z⟩)",
           "⟨d⟩ = \\frac{\\partial J}{\\partial \\hat{y}} \\odot f'(⟨z⟩)", "ch03_output_delta", 'L'},
  Equation{sse_gradient, "sse_gradient", "3.2", "∂J/∂ŷ",
           "∂J/∂ŷ = −(y − ŷ)",
           "\\frac{\\partial J}{\\partial \\hat{y}} = -(y - \\hat{y})", "ch03_output_delta", 'L'},
  Equation{mse_gradient, "mse_gradient", "3.3", "∂J/∂ŷ",
           "∂J/∂ŷ = −(2/M) (y − ŷ)",
           "\\frac{\\partial J}{\\partial \\hat{y}} = -\\frac{2}{M} (y - \\hat{y})", "ch03_output_delta", 'L'},
  Equation{sigmoid_derivative, "sigmoid_derivative", "3.4", "f′(⟨z⟩)",
           "f′(⟨z⟩) = σ(⟨z⟩) ⊙ (1 − σ(⟨z⟩))",
           "f'(⟨z⟩) = \\sigma(⟨z⟩) \\odot (1 - \\sigma(⟨z⟩))", "ch03_output_delta", 'l'},
  Equation{tanh_derivative, "tanh_derivative", "3.5", "f′(⟨z⟩)",
           "f′(⟨z⟩) = 1 − tanh²(⟨z⟩)",
           "f'(⟨z⟩) = 1 - \\tanh^2(⟨z⟩)", "ch03_output_delta", 'l'},
  Equation{relu_derivative, "relu_derivative", "3.6", "f′(⟨z⟩)",
           "f′(⟨z⟩) = [⟨z⟩ > 0]",
           "f'(⟨z⟩) = [⟨z⟩ > 0]", "ch03_output_delta", 'l'},
  Equation{identity_derivative, "identity_derivative", "3.7", "f′(⟨z⟩)",
           "f′(⟨z⟩) = 1",
           "f'(⟨z⟩) = 1", "ch03_output_delta", 'l'},

  Equation{activation_gradient, "activation_gradient", "4.1", "∂J/∂⟨a⟩",
           "∂J/∂⟨a⟩ = ⟨d+1⟩ ⟨WT⟩",
           "\\frac{\\partial J}{\\partial ⟨a⟩} = ⟨d+1⟩ ⟨WT⟩", "ch04_hidden_delta", 'l'},
  Equation{hidden_delta, "hidden_delta", "4.2", "⟨d⟩",
           "⟨d⟩ = (⟨d+1⟩ ⟨WT⟩) ⊙ f′(⟨z⟩)",
           "⟨d⟩ = (⟨d+1⟩ ⟨WT⟩) \\odot f'(⟨z⟩)", "ch04_hidden_delta", 'l'},

  Equation{weight_gradient, "weight_gradient", "5.1", "∂J/∂⟨W⟩",
           "∂J/∂⟨W⟩ = ⟨aT⟩ ⟨d+1⟩",
           "\\frac{\\partial J}{\\partial ⟨W⟩} = ⟨aT⟩ ⟨d+1⟩", "ch05_gradients", 'l'},
  Equation{bias_gradient, "bias_gradient", "5.2", "∂J/∂⟨b⟩",
           "∂J/∂⟨b⟩ = Σₘ ⟨d+1⟩",
           "\\frac{\\partial J}{\\partial ⟨b⟩} = \\sum_{m} ⟨d+1⟩", "ch05_gradients", 'l'},

  Equation{weight_step, "weight_step", "6.1", "Δ⟨W⟩",
           "Δ⟨W⟩ = −η ∂J/∂⟨W⟩",
           "\\Delta ⟨W⟩ = -\\eta \\frac{\\partial J}{\\partial ⟨W⟩}", "ch06_update", 'l'},
  Equation{weight_update, "weight_update", "6.2", "⟨W⟩",
           "⟨W⟩ ← ⟨W⟩ − η ∂J/∂⟨W⟩",
           "⟨W⟩ \\leftarrow ⟨W⟩ - \\eta \\frac{\\partial J}{\\partial ⟨W⟩}", "ch06_update", 'l'},
  Equation{bias_step, "bias_step", "6.3", "Δ⟨b⟩",
           "Δ⟨b⟩ = −η ∂J/∂⟨b⟩",
           "\\Delta ⟨b⟩ = -\\eta \\frac{\\partial J}{\\partial ⟨b⟩}", "ch06_update", 'l'},
  Equation{bias_update, "bias_update", "6.4", "⟨b⟩",
           "⟨b⟩ ← ⟨b⟩ − η ∂J/∂⟨b⟩",
           "⟨b⟩ \\leftarrow ⟨b⟩ - \\eta \\frac{\\partial J}{\\partial ⟨b⟩}", "ch06_update", 'l'},

  Equation{numerical_weight_gradient, "numerical_weight_gradient", "7.1", "n(⟨W⟩)",
           "n(⟨W⟩)ᵢⱼ = [J(⟨W⟩ᵢⱼ + ε) − J(⟨W⟩ᵢⱼ − ε)] / 2ε",
           "n(⟨W⟩)_{ij} = \\frac{J(⟨W⟩_{ij} + \\epsilon) - J(⟨W⟩_{ij} - \\epsilon)}{2\\epsilon}",
           "ch07_gradient_check", 'l'},
  Equation{numerical_bias_gradient, "numerical_bias_gradient", "7.2", "n(⟨b⟩)",
           "n(⟨b⟩)ⱼ = [J(⟨b⟩ⱼ + ε) − J(⟨b⟩ⱼ − ε)] / 2ε",
           "n(⟨b⟩)_{j} = \\frac{J(⟨b⟩_{j} + \\epsilon) - J(⟨b⟩_{j} - \\epsilon)}{2\\epsilon}",
           "ch07_gradient_check", 'l'},
  Equation{relative_error, "relative_error", "7.3", "r",
           "r = |g − n| / max(|g|, |n|)",
           "r = \\frac{|g - n|}{\\max(|g|, |n|)}", "ch07_gradient_check", 'l'},
  Equation{norm_ratio, "norm_ratio", "7.4", "ρ",
           "ρ = ‖g − n‖ / ‖g + n‖",
           "\\rho = \\frac{\\lVert g - n \\rVert}{\\lVert g + n \\rVert}", "ch07_gradient_check", 'l'},
  Equation{broken_derivative, "broken_derivative", "7.5", "f′(⟨z⟩)",
           "f′(⟨z⟩) ≈ f(⟨z⟩)   (wrong on purpose)",
           "f'(⟨z⟩) \\approx f(⟨z⟩) \\quad \\text{(wrong on purpose)}", "ch07_gradient_check", 'l'},
};
// clang-format on

constexpr bool registry_in_enum_order() {
  for (std::size_t i = 0; i < registry.size(); ++i)
    if (static_cast<std::size_t>(registry[i].id) != i) return false;
  return true;
}
static_assert(registry_in_enum_order(), "registry entries must follow the order of enum Eq");

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
    std::string symbol = uni ? "a" + superscript(name) : "a" + latex_superscript(name);
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
    if (name == "z") return plain("z", "z", offset);
    if (name == "d") return plain("δ", "\\delta", offset);
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
    static constexpr std::string_view open = "⟨", close = "⟩";
    std::string out;
    while (!tmpl.empty()) {
      const auto start = tmpl.find(open);
      out += tmpl.substr(0, start);
      if (start == std::string_view::npos) break;
      tmpl.remove_prefix(start + open.size());
      const auto end = tmpl.find(close);
      if (end == std::string_view::npos)
        throw std::logic_error("unterminated symbol token in the equation registry");
      out += token(tmpl.substr(0, end));
      tmpl.remove_prefix(end + close.size());
    }
    return out;
  }
};

}  // namespace

const Equation& equation(Eq id) { return registry.at(static_cast<std::size_t>(id)); }

std::span<const Equation> all_equations() { return registry; }

std::optional<Eq> equation_by_key(std::string_view key) {
  for (const Equation& e : registry)
    if (e.key == key) return e.id;
  return std::nullopt;
}

std::string render(std::string_view tmpl, Notation notation, const LayerContext& at) {
  return Renderer{notation, at}(tmpl);
}

std::string render_general(std::string_view tmpl, Notation notation, char layer_symbol) {
  return Renderer{notation, std::nullopt, layer_symbol}(tmpl);
}

}  // namespace bpw
