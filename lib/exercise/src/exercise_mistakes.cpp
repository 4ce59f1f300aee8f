#include "exercise_mistakes.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <utility>

namespace bpw::exercise {
namespace {

using enum Mistake;

constexpr std::pair<Mistake, std::string_view> names[] = {
    {sign_flipped, "sign flipped"},
    {transposed, "transposed"},
    {f_for_f_prime, "f where f′ belongs"},
    {a_for_z, "a where z belongs"},
    {z_for_a, "z where a belongs"},
    {half_missing, "the ½ left out"},
    {half_extra, "an extra ½"},
    {factor_two, "an extra factor 2"},
    {divided_by_M, "divided by M"},
    {not_divided_by_M, "not divided by M"},
    {wrong_layer, "wrong layer"},
    {factor_left_out, "a factor left out"},
    {term_left_out, "a term left out"},
    {wrong_order, "steps in the wrong order"},
    {one_sided, "a one-sided difference"},
    {norms_added, "norms added"},
    {square_root, "the square root"},
    {whole_matrix, "the whole matrix where each row belongs"},
    {wrong_axis, "summed over the wrong axis"},
    {max_not_subtracted, "the max not subtracted (overflow)"},
    {lazy_reduction, "a lazy xtensor reduction"},
    {nudge_not_restored, "the nudged weight not restored"},
};

// Equal to a relative 1e-8, looser than a pass because a variant may add up
// in another order than the learner did, and relative even for tiny numbers: a
// gradient check's ρ of 1e-9 and its square, 1e-18, are different mistakes.
bool close(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::abs(a - b) <= 1e-8 * std::max(std::abs(a), std::abs(b)) + 1e-14;
}

}  // namespace

std::string_view mistake_name(Mistake m) {
  for (const auto& [mistake, name] : names)
    if (mistake == m) return name;
  return "a known mistake";
}

std::vector<Mistake> all_mistakes() {
  std::vector<Mistake> out;
  for (const auto& entry : names) out.push_back(entry.first);
  return out;
}

bool same_answer(const Matrix& yours, const Matrix& variant) {
  if (shape_of(yours) != shape_of(variant)) return false;
  for (std::size_t i = 0; i < yours.shape(0); ++i)
    for (std::size_t j = 0; j < yours.shape(1); ++j)
      if (!close(yours(i, j), variant(i, j))) return false;
  return true;
}

bool same_answer(double yours, double variant) { return close(yours, variant); }

}  // namespace bpw::exercise

namespace bpw::exercise {

const std::string_view lazy_reduction_look =
    "Debian's xtensor 0.24 computes a reduction with xt::keep_dims wrongly while it stays lazy "
    "inside a larger expression (or in an auto). Assign each reduction to a Matrix and use "
    "that: Matrix top = xt::amax(z, {1}, xt::keep_dims); Matrix e = xt::exp(z - top); "
    "Matrix total = xt::sum(e, {1}, xt::keep_dims); return e / total;";

namespace {

// The source without its comments, the code's positions kept.
std::string without_comments(std::string_view source) {
  std::string code(source);
  for (std::size_t at = 0; at < code.size(); ++at) {
    if (code.compare(at, 2, "//") == 0) {
      while (at < code.size() && code[at] != '\n') code[at++] = ' ';
    } else if (code.compare(at, 2, "/*") == 0) {
      const std::size_t end = std::min(code.find("*/", at + 2), code.size() - 2) + 2;
      for (; at < end; ++at)
        if (code[at] != '\n') code[at] = ' ';
    }
  }
  return code;
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }

// The opening parenthesis of the call around `at`, or npos when `at` is not
// inside one (the statement or the block starts first). Braces that match,
// such as the {1} of xt::sum(e, {1}, …), are passed over.
std::size_t enclosing_paren(const std::string& code, std::size_t at) {
  int parens = 0, braces = 0;
  while (at-- > 0) {
    const char c = code[at];
    if (c == ')') {
      ++parens;
    } else if (c == '(') {
      if (parens == 0) return at;
      --parens;
    } else if (c == '}') {
      ++braces;
    } else if (c == '{') {
      if (braces == 0) return std::string::npos;
      --braces;
    } else if (c == ';' && parens == 0 && braces == 0) {
      return std::string::npos;
    }
  }
  return std::string::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool lazy_at(const std::string& code, std::size_t keep) {
  const std::size_t open = enclosing_paren(code, keep);  // the reduction's own call
  if (open == std::string::npos) return false;
  std::size_t start = open;
  while (start > 0 && name_char(code[start - 1])) --start;
  if (start > 0 && code[start - 1] == '(') {  // an argument: lazy unless xt::eval's
    std::size_t name = start - 1;
    while (name > 0 && name_char(code[name - 1])) --name;
    return !code.substr(name, start - 1 - name).ends_with("eval");
  }
  if (enclosing_paren(code, start) != std::string::npos) return true;  // deeper in an expression
  std::size_t statement = start;
  while (statement > 0 && std::string_view(";{}").find(code[statement - 1]) == std::string_view::npos)
    --statement;
  const std::string_view before = trim(std::string_view(code).substr(statement, start - statement));
  const std::size_t close = code.find(';', open);
  int depth = 0;
  std::size_t end = open;
  for (; end < code.size(); ++end)
    if (code[end] == '(') ++depth;
    else if (code[end] == ')' && --depth == 0) break;
  if (end >= code.size()) return false;  // unbalanced: it would not compile anyway
  const std::string_view after =
      trim(std::string_view(code).substr(end + 1, close == std::string::npos ? 0 : close - end - 1));
  const bool whole = before.empty() || before == "return" || before.ends_with("=");
  return !whole || !after.empty() || before.starts_with("auto") ||
         before.starts_with("const auto");
}

}  // namespace

bool lazy_reduction_in(std::string_view source) {
  const std::string code = without_comments(source);
  for (std::size_t at = code.find("keep_dims"); at != std::string::npos;
       at = code.find("keep_dims", at + 1))
    if (lazy_at(code, at)) return true;
  return false;
}

}  // namespace bpw::exercise
