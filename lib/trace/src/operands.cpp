// Which earlier records an equation's operands are, so that every matrix an
// equation uses is printed before it, and the JSON trace can point at it.
#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "bpw/chain.hpp"
#include "tracer_impl.hpp"

namespace bpw {
namespace {

constexpr std::string_view transposed_mark = "ᵀ";

// The quantity a template names when no equation computes it: X, y, W⁽ˡ⁾, b⁽ˡ⁾.
std::optional<Eq> given_of(std::string_view tmpl, const std::string& symbol) {
  if (symbol == "X") return Eq::X;
  if (tmpl == "y") return Eq::y;
  if (tmpl.starts_with("⟨W")) return Eq::W;
  if (tmpl.starts_with("⟨b")) return Eq::b;
  return std::nullopt;
}

// J̃'s gradients fall back on J's where L2 leaves them alone (the biases in
// the sum form): "∂J̃/∂b⁽¹⁾" is "∂J/∂b⁽¹⁾".
std::string without_tilde(std::string symbol) {
  const std::string tilde = "J̃";
  if (const auto at = symbol.find(tilde); at != std::string::npos) symbol.replace(at, tilde.size(), "J");
  return symbol;
}

}  // namespace

std::vector<OperandRef> Tracer::Impl::resolve(Eq eq, int l, Operands operands, const Matrix& result) {
  const Equation& e = equation(eq);
  const std::vector<std::string_view> templates = operand_templates(e);
  if (templates.size() != operands.size())
    throw std::logic_error(fmt::format("the trace of ({}) {} passes {} operands, the registry lists {}",
                                       e.number, e.key, operands.size(), templates.size()));
  std::vector<OperandRef> refs;
  auto operand = operands.begin();
  for (std::string_view tmpl : templates) {
    const Matrix& value = (operand++)->get();
    const bool in_place = &value == &result;
    const bool transposed = tmpl.ends_with(transposed_mark);
    if (transposed) tmpl.remove_suffix(transposed_mark.size());
    if (tmpl == "⟨+b⟩") {
      if (!context(l).bias) continue;
      tmpl = "⟨b⟩";
    }
    const std::string symbol = render(tmpl, Notation::unicode, context(l));
    auto found = latest.find(symbol);
    if (found == latest.end()) found = latest.find(without_tilde(symbol));
    const Stored* stored = found == latest.end() ? nullptr : &found->second;
    const Matrix as_shown = shown(value);
    if (stored && !in_place && stored->value != as_shown) {
      // The latest record of this symbol holds other numbers (the operand was
      // computed again, for other weights, without being traced): the operand
      // gets a record of its own, so that no equation points at stale values.
      stored = &emit(stored->eq, as_shown, {}, {}, "", "");
    } else if (!stored) {  // a given quantity, or one the chapter did not trace
      const auto given = given_of(tmpl, symbol);
      Rendered r = given ? rendered(*given, template_layer(tmpl, l))
                         : Rendered{"", "", symbol, symbol, symbol, symbol, template_layer(tmpl, l)};
      stored = &emit(r, as_shown, {}, {}, "", "");
    } else if (!brief && !stored->in_full) {
      writer->matrix({stored->eq, stored->value, {}, stored->source, false, "", stored->n, {}, true});
      latest[stored->eq.symbol].in_full = true;
    }
    refs.push_back({stored->eq.symbol, stored->n, shape_of(stored->value), transposed});
  }
  return refs;
}

std::vector<Shape> Tracer::Impl::factor_shapes(Eq eq, int l, Operands operands) const {
  const Equation& e = equation(eq);
  if (!e.product) return {};
  const std::vector<std::string_view> templates = operand_templates(e);
  std::vector<Shape> shapes;
  auto operand = operands.begin();
  for (std::size_t i = 0; i < 2; ++i, ++operand) {
    const Shape s = shape_of(operand->get());
    shapes.push_back(templates[i].ends_with(transposed_mark) ? Shape{s.cols, s.rows} : s);
  }
  // In the column layout (AB)ᵀ = BᵀAᵀ: the order reverses and each is transposed.
  if (columns()) {
    std::reverse(shapes.begin(), shapes.end());
    for (Shape& s : shapes) s = {s.cols, s.rows};
  }
  (void)l;
  return shapes;
}

const Stored& Tracer::Impl::emit(const Rendered& r, const Matrix& value,
                                 std::vector<OperandRef> operands, std::vector<Shape> factors,
                                 std::string source, std::string explanation) {
  const int n = ++records;
  const bool blanked = blank(r);
  writer->matrix({r, value, std::move(factors), source, brief, std::move(explanation), n,
                  std::move(operands), false, blanked});
  Stored& stored = latest[r.symbol];
  stored = {r, value, std::move(source), n, !brief};
  return stored;
}

ElementRef Tracer::Impl::element(const Element& e) const {
  const Rendered r = rendered(e.eq, e.l);
  const auto found = latest.find(r.symbol);
  const std::size_t row = columns() ? e.col : e.row, col = columns() ? e.row : e.col;
  return {fmt::format("{}[{},{}]", r.symbol, row + 1, col + 1), r.number,
          found == latest.end() ? 0 : found->second.n, row + 1, col + 1, e.value};
}

}  // namespace bpw
