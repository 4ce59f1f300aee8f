// The equation registry: every matrix the workbook traces comes from one of these
// entries, and the book takes its equation numbers from the same table.
//
// Templates use symbol tokens so that one entry serves every layer:
//   ⟨a⟩ ⟨z⟩ ⟨d⟩ (δ) ⟨e⟩ ⟨W⟩ ⟨b⟩ name a symbol at the entry's layer l; a suffix +1 or -1
//   shifts the layer (⟨z+1⟩ is z⁽ˡ⁺¹⁾). ⟨aT⟩ and ⟨WT⟩ are transposed; ⟨+b⟩ is
//   " + b⁽ˡ⁾" when the layer has a bias and nothing otherwise. a⁽¹⁾ prints as X,
//   a⁽ᴸ⁾ as ŷ and e⁽ᴸ⁾ as e. ⟨J⟩ is J, or J̃ when the network has L2.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bpw/eq.hpp"

namespace bpw {



struct Equation {
  Eq id;
  std::string_view key;     // stable name used by the book's pages: "weighted_input"
  std::string_view number;  // "1.1"; empty for a given quantity
  std::string_view symbol;  // template of what the equation defines: "⟨z+1⟩"
  std::string_view text;    // Unicode template, samples as rows: "⟨z+1⟩ = ⟨a⟩ ⟨W⟩⟨+b⟩"
  std::string_view latex;   // LaTeX template, samples as rows
  std::string_view page;    // the book page that derives it: "ch01_forward_pass"
  char layer_symbol = 'l';  // how the book names this entry's layer: 'l' or 'L'
  // The column twin, samples as columns ("⟨z+1⟩ = ⟨W⟩ ⟨a⟩⟨+b⟩"); empty when it
  // reads the same as the row form (z and a print as Z and A there anyway).
  std::string_view column_text = {};
  std::string_view column_latex = {};
  // The concordance: the same equation in index notation (w_ij, t_j, o_j,
  // net_j, out_j), and the names it goes by in tutorial code.
  std::string_view index_form = {};
  std::string_view code_names = {};
  // The matrices the equation combines, in the order the code passes them to
  // bpw::traced, each a symbol template; a ᵀ after one that enters transposed
  // ("⟨d+1⟩ ⟨W⟩ᵀ"). ⟨+b⟩ stands for the bias when the layer has one. The trace
  // prints every operand before the result that uses it.
  std::string_view operands = {};
  bool product = false;  // the first two operands are the factors of a matrix product
};

// The layer a template's first token names at layer l: ⟨z+1⟩ at l is l + 1;
// l for a template without a layered token.
int template_layer(std::string_view tmpl, int l);
// The superscript of the symbol an entry defines at layer l, as printed: 2 for
// z⁽²⁾ = ⟨z+1⟩ at l = 1.
int symbol_layer(const Equation& e, int l);

// The operand templates of an entry, one per operand: {"⟨d+1⟩", "⟨W⟩ᵀ"}.
std::vector<std::string_view> operand_templates(const Equation& e);

// How each equation is derived, for --explain: the rule of calculus and the
// earlier equations it starts from, named by key in ⟦key⟧ so that the numbers
// come from the registry. Empty for a given quantity.
std::string_view explanation_template(Eq id);

// The explanation with every ⟦key⟧ replaced by its number: "… from (3.2) and (3.4)".
std::string explanation(Eq id);

const Equation& equation(Eq id);
std::span<const Equation> all_equations();
std::optional<Eq> equation_by_key(std::string_view key);

// Any text with each ⟦key⟧ replaced by that equation's number in parentheses.
// Throws std::logic_error for a key the registry does not have.
std::string with_numbers(std::string_view text);

// Where an equation is instantiated: its layer l, the number of layers L of the
// network (input layer included), and whether layer l has a bias.
struct LayerContext {
  int l = 1;
  int L = 3;
  bool bias = false;
  bool columns = false;  // samples as columns: Z⁽ˡ⁾, A⁽ˡ⁾ and the column twins
  bool l2 = false;       // the network has L2 regularisation: ⟨J⟩ is J̃
};

enum class Notation { unicode, latex };

// One template instantiated for a layer: "z⁽²⁾ = X W⁽¹⁾".
std::string render(std::string_view tmpl, Notation notation, const LayerContext& at);

// One template in the book's general form: "z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾".
std::string render_general(std::string_view tmpl, Notation notation, char layer_symbol,
                           bool columns = false);

// The symbol an entry defines at layer l, for messages: symbol_at(Eq::W, 2) is "W⁽²⁾".
std::string symbol_at(Eq id, int l);

// The template of an entry in a layout: the column twin when there is one.
std::string_view text_of(const Equation& e, bool columns);
std::string_view latex_of(const Equation& e, bool columns);

}  // namespace bpw
