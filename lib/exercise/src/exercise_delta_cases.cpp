// The checks of the exercises of chapters 3–4 (the output delta and the hidden
// deltas), against the library's own deltas on networks of several shapes,
// activations and costs, each with the classic wrong variants of its answer.
#include <fmt/format.h>

#include "bpw/activation.hpp"
#include "bpw/cost.hpp"
#include "exercise_cases.hpp"

namespace bpw::exercise {
namespace {

using enum Mistake;

// The slope of an element-wise activation f as the workbook computes it, and
// three classic slips: f itself, the form written for a = f(z) fed z, and a
// sign flipped inside that form.
struct SlopeForms {
  const Activation& f;
  std::string_view itself, form_of_z, sign;
  std::function<Matrix(const Matrix&)> written_for_z, sign_flipped_form;
};

Knowns<Matrix> slope_mistakes(const SlopeForms& forms, const Matrix& z) {
  const SlopeForms* s = &forms;
  return {{f_for_f_prime, s->itself, [s, z] { return s->f.f(z); }},
          {z_for_a, s->form_of_z, [s, z] { return s->written_for_z(z); }},
          {sign_flipped, s->sign, [s, z] { return s->sign_flipped_form(s->f.f(z)); }}};
}

const SlopeForms& sigmoid_slope() {
  static const SlopeForms forms{
      sigmoid(), "σ(z) itself is not its slope; the slope is σ(z) ⊙ (1 − σ(z))",
      "z ⊙ (1 − z): the form a ⊙ (1 − a) needs a = σ(z), not z",
      "σ(z) ⊙ (1 + σ(z)): the bracket is (1 − σ(z))",
      [](const Matrix& z) { return Matrix(z * (1.0 - z)); },
      [](const Matrix& s) { return Matrix(s * (1.0 + s)); }};
  return forms;
}

const SlopeForms& tanh_slope() {
  static const SlopeForms forms{
      tanh_activation(), "tanh(z) itself is not its slope; the slope is 1 − tanh²(z)",
      "1 − z²: the form 1 − a² needs a = tanh(z), not z",
      "1 + tanh²(z): the slope is 1 − tanh²(z), never above 1",
      [](const Matrix& z) { return Matrix(1.0 - z * z); },
      [](const Matrix& t) { return Matrix(1.0 + t * t); }};
  return forms;
}

bool check_output_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 51),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 52),
                           setting({2, 3, 5, 3}, {"relu", "tanh", "sigmoid"}, "sse", 4, 53),
                           setting({4, 2, 1}, {"sigmoid", "sigmoid"}, "sse", 7, 54)}) {
    const int L = s.network.L();
    const Matrix &y = s.data.y, &yhat = s.pass.yhat(), &z = s.pass.z[L];
    const Matrix dJ_dyhat = sse().dJ_dyhat(y, yhat);
    c.begin(s.description, {given("y", y), given("ŷ", yhat), given("z⁽ᴸ⁾", z)});
    c.answer([&] { return (*f)(y, yhat, z); }, all_deltas(s)[L], {},
             {{sign_flipped, "(y − ŷ) ⊙ σ′(z⁽ᴸ⁾) has the sign of −∂J/∂ŷ; ∂J/∂ŷ = −(y − ŷ) = ŷ − y",
               [&] { return backward(sigmoid(), z, negated(dJ_dyhat)); }},
              {f_for_f_prime, "∂J/∂ŷ ⊙ σ(z⁽ᴸ⁾): the second factor is σ′(z⁽ᴸ⁾), the slope",
               [&] { return Matrix(dJ_dyhat * sigmoid().f(z)); }},
              {a_for_z, "σ′ evaluated at ŷ: σ′(z⁽ᴸ⁾) = ŷ ⊙ (1 − ŷ) takes ŷ as σ(z⁽ᴸ⁾), not as z",
               [&] { return Matrix(dJ_dyhat * sigmoid().f_prime(yhat)); }},
              {factor_left_out, "∂J/∂ŷ alone: ⊙ f′(z⁽ᴸ⁾) is the second factor",
               [&] { return dJ_dyhat; }}});
  }
  return true;
}

bool check_cross_entropy_delta(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  for (const Setting& s :
       {setting({2, 2, 1}, {"sigmoid", "sigmoid"}, "cross-entropy", 1, 61),
        setting({3, 4, 2}, {"tanh", "sigmoid"}, "cross-entropy", 5, 62),
        setting({2, 5, 3}, {"relu", "softmax"}, "softmax-cross-entropy", 6, 63),
        setting({4, 3, 4}, {"sigmoid", "softmax"}, "softmax-cross-entropy", 3, 64)}) {
    const Matrix &y = s.data.y, &yhat = s.pass.yhat();
    const Matrix delta = all_deltas(s)[s.network.L()];
    c.begin(s.description, {given("y", y), given("ŷ", yhat)});
    c.answer([&] { return (*f)(y, yhat); }, delta, {},
             {{sign_flipped, "y − ŷ is −δ⁽ᴸ⁾; the simplified delta is ŷ − y",
               [&] { return negated(delta); }},
              {factor_left_out, "∂J/∂ŷ alone: times f′, its denominator cancels to ŷ − y",
               [&] { return s.network.cost().dJ_dyhat(y, yhat); }}});
  }
  return true;
}

bool check_hidden_delta(Check& c, const Function& learner) {
  const auto f = as<Triple>(learner);
  if (!f) return false;
  for (const Setting& s : {setting({2, 2, 2}, {"sigmoid", "sigmoid"}, "sse", 1, 71),
                           setting({3, 4, 2}, {"tanh", "sigmoid"}, "sse", 5, 72),
                           setting({2, 5, 3, 1}, {"relu", "tanh", "identity"}, "sse", 4, 73),
                           setting({4, 3, 6, 2}, {"sigmoid", "tanh", "softmax"},
                                   "softmax-cross-entropy", 6, 74)}) {
    const LayerMatrices delta = all_deltas(s);
    for (int l = s.network.L() - 1; l >= 2; --l) {
      const Matrix& W = s.network.layer(l).W;
      const Matrix f_prime = s.network.activation(l).f_prime(s.pass.z[l], s.pass.a[l]);
      const Matrix back = matmul(delta[l + 1], transpose(W));
      c.begin(at_layer(s, l), {given("δ⁽ˡ⁺¹⁾", delta[l + 1]), given("W⁽ˡ⁾", W),
                               given("f′(z⁽ˡ⁾)", f_prime)});
      c.answer([&] { return (*f)(delta[l + 1], W, f_prime); }, delta[l], {},
               {{factor_left_out, "δ⁽ˡ⁺¹⁾ Wᵀ is ∂J/∂a⁽ˡ⁾ of the first step; ⊙ f′(z⁽ˡ⁾) makes it δ⁽ˡ⁾",
                 [&] { return back; }},
                {transposed, "W δᵀ works with samples as columns; with samples as rows write "
                             "δ⁽ˡ⁺¹⁾ Wᵀ, [M×k]·[k×n]",
                 [&] { return transpose(delta[l]); }}});
    }
  }
  return true;
}

}  // namespace

void add_delta_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"sigmoid_derivative",
       [](Check& c, const Function& f) {
         return elementwise(c, f, [](const Matrix& z) { return sigmoid().f_prime(z); },
                            [](const Matrix& z) { return slope_mistakes(sigmoid_slope(), z); });
       }},
      {"output_delta", check_output_delta},
      {"cross_entropy_delta", check_cross_entropy_delta},
      {"hidden_delta", check_hidden_delta},
      {"tanh_derivative",
       [](Check& c, const Function& f) {
         return elementwise(c, f, [](const Matrix& z) { return tanh_activation().f_prime(z); },
                            [](const Matrix& z) { return slope_mistakes(tanh_slope(), z); });
       }},
  });
}

}  // namespace bpw::exercise
