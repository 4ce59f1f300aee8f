// The checks of the exercises of chapters 5–7 (the gradients, the update and
// the gradient check), against the library's own results on the settings of
// exercise_settings.hpp, each with the classic wrong variants of its answer.
#include <fmt/format.h>

#include "bpw/gradcheck.hpp"
#include "bpw/optimize.hpp"
#include "bpw/train.hpp"
#include "exercise_cases.hpp"

namespace bpw::exercise {
namespace {

using enum Mistake;

bool check_weight_gradient(Check& c, const Function& learner) {
  const auto f = as<Pair>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const LayerMatrices delta = all_deltas(s);
    const Gradients g = gradients(s.network, s.pass, delta);
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix& a = s.pass.a[l];
      c.begin(at_layer(s, l), {given("a⁽ˡ⁾", a), given("δ⁽ˡ⁺¹⁾", delta[l + 1])});
      c.answer([&] { return (*f)(a, delta[l + 1]); }, g.dW[l], {},
               {{transposed, "δᵀ a is the transpose; ∂J/∂W has W's shape [n×k], so aᵀ comes first",
                 [&] { return matmul(transpose(delta[l + 1]), a); }},
                {divided_by_M, "that averages over the M samples; J sums them, and so does ∂J/∂W",
                 [&] { return per_sample(g.dW[l], a.shape(0)); }}});
    }
  }
  return true;
}

bool check_bias_gradient(Check& c, const Function& learner) {
  const auto f = as<Elementwise>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    if (!s.network.has_biases()) continue;
    const LayerMatrices delta = all_deltas(s);
    const Gradients g = gradients(s.network, s.pass, delta);
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix& d = delta[l + 1];
      c.begin(at_layer(s, l), {given("δ⁽ˡ⁺¹⁾", d)});
      c.answer([&] { return (*f)(d); }, g.db[l], {},
               {{divided_by_M, "that averages over the M samples; J sums them, and so does ∂J/∂b",
                 [&] { return per_sample(g.db[l], d.shape(0)); }},
                {transposed, "a column [k×1] where b's row [1×k] belongs; bpw::sum_rows keeps the row",
                 [&] { return transpose(g.db[l]); }},
                {wrong_axis, "each sample's deltas added across the outputs; add each output's "
                             "deltas across the samples (the rows)",
                 [&] { return transpose(sum_rows(transpose(d))); }}});
    }
  }
  return true;
}

bool check_weight_update(Check& c, const Function& learner) {
  const auto f = as<Scaled>(learner);
  if (!f) return false;
  const double etas[] = {0.5, 0.1, 2.0, 0.01, 1.0};
  int which = 0;
  for (const Setting& s : settings()) {
    const double eta = etas[which++];
    const Gradients g = all_gradients(s);
    Network stepped = s.network;
    Gradients steps = g;
    descend(stepped, steps, eta);
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix& W = s.network.layer(l).W;
      c.begin(fmt::format("{}, η = {}", at_layer(s, l), eta),
              {given("W", W), given("∂J/∂W", g.dW[l]), given("η", eta)});
      c.answer([&] { return (*f)(W, g.dW[l], eta); }, stepped.layer(l).W, {},
               {{sign_flipped, "W + η ∂J/∂W climbs; the step goes against the gradient",
                 [&] { return Matrix(W + eta * g.dW[l]); }},
                {factor_left_out, "η is left out: the step is η times the gradient",
                 [&] { return Matrix(W - g.dW[l]); }}});
    }
  }
  return true;
}

// Three momentum steps from v = 0: the reference, or the reference with one
// mistake (for the known variants).
enum class Slip { none, sign, order, forgets_v };
struct Steps {
  std::vector<Matrix> W, v;
};
Steps momentum_steps(Matrix W, const std::vector<Matrix>& gradients, double eta, double mu,
                     Slip slip = Slip::none) {
  Matrix v = xt::zeros_like(W);
  Steps out;
  for (const Matrix& g : gradients) {
    const Matrix before = v;
    if (slip == Slip::sign) v = mu * v + eta * g;
    else if (slip == Slip::forgets_v) v = -eta * g;
    else v = mu * v - eta * g;  // (6.5)
    W = W + (slip == Slip::order ? before : v);  // (6.6)
    out.W.push_back(W);
    out.v.push_back(v);
  }
  return out;
}

bool check_momentum_update(Check& c, const Function& learner) {
  const auto f = as<Momentum>(learner);
  if (!f) return false;
  struct Rates {
    double eta, mu;
  };
  const Rates rates[] = {{0.1, 0.9}, {0.5, 0.0}, {0.05, 0.5}, {1.0, 0.99}};
  std::uint64_t seed = 80;
  for (std::size_t r = 0; r < std::size(rates); ++r) {
    const Size s = sizes[r + 1];
    const auto [eta, mu] = rates[r];
    const Matrix W0 = normal(s, ++seed);
    std::vector<Matrix> g;
    for (int step = 0; step < 3; ++step) g.push_back(normal(s, ++seed));
    const Steps right = momentum_steps(W0, g, eta, mu);
    const Steps sign = momentum_steps(W0, g, eta, mu, Slip::sign);
    const Steps order = momentum_steps(W0, g, eta, mu, Slip::order);
    const Steps forgets = momentum_steps(W0, g, eta, mu, Slip::forgets_v);
    std::vector<Given> inputs{given("W", W0), given("η", eta), given("μ", mu)};
    for (std::size_t k = 0; k < g.size(); ++k)
      inputs.push_back(given(fmt::format("∂J/∂W at step {}", k + 1), g[k]));
    c.begin(fmt::format("{}, η = {}, μ = {}, three steps from v = 0", shape_words("W", s), eta, mu),
            std::move(inputs));
    Matrix your_W = W0, your_v = xt::zeros_like(W0);
    for (std::size_t k = 0; k < g.size(); ++k) {
      const auto known = [&](const std::vector<Matrix> Steps::*part) {
        return Knowns<Matrix>{
            {sign_flipped, "v ← μ v + η ∂J/∂W climbs; the velocity takes −η ∂J/∂W",
             [&, part] { return (sign.*part)[k]; }},
            {wrong_order, "W moved with the old v; update v first, then W with the new v",
             [&, part] { return (order.*part)[k]; }},
            {term_left_out, "μ v is left out, so v does not carry over from the step before",
             [&, part] { return (forgets.*part)[k]; }}};
      };
      const bool ran = c.call([&] { (*f)(your_W, your_v, g[k], eta, mu); });
      if (!ran ||
          !c.matrix(your_v, right.v[k], {fmt::format("v after step {}", k + 1), {}, Eq::momentum_velocity},
                    known(&Steps::v)) ||
          !c.matrix(your_W, right.W[k], {fmt::format("W after step {}", k + 1), {}, Eq::momentum_update},
                    known(&Steps::W)))
        break;
    }
  }
  return true;
}

// The central differences of (7.1), element by element, as the reference
// computes them, or with one mistake.
enum class Difference { central, not_restored, one_sided };
Matrix differences(const CostOf& J, const Matrix& W, double epsilon, Difference how) {
  Matrix n = xt::zeros_like(W), nudged = W;
  const double at_W = J(W);
  for (std::size_t i = 0; i < W.shape(0); ++i)
    for (std::size_t j = 0; j < W.shape(1); ++j) {
      nudged(i, j) = W(i, j) + epsilon;
      const double up = J(nudged);
      if (how == Difference::one_sided) {
        n(i, j) = (up - at_W) / epsilon;
      } else {
        nudged(i, j) = W(i, j) - epsilon;
        n(i, j) = (up - J(nudged)) / (2 * epsilon);
      }
      if (how != Difference::not_restored) nudged(i, j) = W(i, j);
    }
  return n;
}

bool check_numerical_gradient(Check& c, const Function& learner) {
  const auto f = as<Numerical>(learner);
  if (!f) return false;
  const double epsilon = 1e-4;
  for (const Setting& s : settings()) {
    const Gradients reference = numerical_gradients(s.network, s.data, epsilon);
    for (int l = 1; l < s.network.L(); ++l) {
      const Matrix& W = s.network.layer(l).W;
      const CostOf J = [&](const Matrix& W_l) {
        if (shape_of(W_l) != shape_of(W))
          throw std::invalid_argument("J was given a " + to_string(shape_of(W_l)) +
                                      " matrix; W is " + to_string(shape_of(W)));
        Network nudged = s.network;
        nudged.layer(l).W = W_l;
        return J_of(nudged, s.data);
      };
      c.begin(fmt::format("J of W⁽{}⁾ for {}, ε = {}", l, at_layer(s, l), epsilon),
              {given("W", W), given("ε", epsilon)});
      c.answer([&] { return (*f)(J, W, epsilon); }, reference.dW[l], {},
               {{nudge_not_restored, "put W(i, j) back after its two nudges: the next element's "
                                     "difference must see every other weight as it was",
                 [&] { return differences(J, W, epsilon, Difference::not_restored); }},
                {one_sided, "(J(W + ε) − J(W)) / ε is one-sided; nudge both ways and divide by 2ε",
                 [&] { return differences(J, W, epsilon, Difference::one_sided); }},
                {factor_two, "divided by ε; the two nudges are 2ε apart",
                 [&] { return Matrix(2.0 * reference.dW[l]); }}});
    }
  }
  return true;
}

bool check_norm_ratio(Check& c, const Function& learner) {
  const auto f = as<Scalar>(learner);
  if (!f) return false;
  for (const Setting& s : settings()) {
    const Gradients g = all_gradients(s);
    const Gradients n = numerical_gradients(s.network, s.data, 1e-4);
    for (int l = 1; l < s.network.L(); ++l)
      // A clearly wrong gradient too, so that ρ is not always near zero.
      for (double wrong : {0.0, 0.3}) {
        const Matrix numerical =
            n.dW[l] + wrong * standard_normal(n.dW[l].shape(0), n.dW[l].shape(1), 90 + l);
        const double apart = frobenius_norm(g.dW[l] - numerical),
                     together = frobenius_norm(g.dW[l] + numerical);
        c.begin(fmt::format("g = ∂J/∂W⁽{}⁾ of {}{}", l, s.description,
                            wrong > 0 ? ", n off by N(0, 0.3²)" : ""),
                {given("g", g.dW[l]), given("n", numerical)});
        c.answer([&] { return (*f)(g.dW[l], numerical); }, apart / together, {},
                 {{norms_added, "‖g‖ + ‖n‖ in the denominator; it is one norm, ‖g + n‖",
                   [&] { return apart / (frobenius_norm(g.dW[l]) + frobenius_norm(numerical)); }},
                  {square_root, "squared norms; ‖m‖ is the square root of the sum of squares",
                   [&] { return apart * apart / (together * together); }}});
      }
  }
  return true;
}

}  // namespace

void add_learning_checkers(std::map<std::string_view, Checker>& table) {
  table.insert({
      {"weight_gradient", check_weight_gradient},
      {"bias_gradient", check_bias_gradient},
      {"weight_update", check_weight_update},
      {"momentum_update", check_momentum_update},
      {"numerical_gradient", check_numerical_gradient},
      {"norm_ratio", check_norm_ratio},
  });
}

}  // namespace bpw::exercise
