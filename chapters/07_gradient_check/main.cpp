// Chapter 7 · The gradient check
//
// Is backpropagation right? Nudge each weight by ±ε and watch J (7.1): the
// central difference [J(w + ε) − J(w − ε)] / 2ε approximates ∂J/∂w to within
// O(ε²). Compare it with the analytic gradient g of chapter 5, per weight (7.3)
// and as a whole with the norm ratio ρ = ‖g − n‖ / ‖g + n‖ (7.4): rounding alone
// gives about 1e-10; a wrong derivative gives 1e-2 or worse. A check that fails
// is run again at reference ε, to tell an ε too large (truncation, ∝ ε²) or too
// small (rounding, ∝ 1/ε) from a wrong derivative.
// --break-derivative uses f(z) where f′(z) belongs, to see a check fail.
#include <source_location>
#include <string>
#include <utility>
#include <vector>

#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// "W⁽¹⁾[2,3]": the parameter's place as the trace shows it, rows and columns from 1.
std::string place(const Session& s, const Parameter& p) {
  const Matrix& m = p.bias ? s.network.layer(p.l).b : s.network.layer(p.l).W;
  std::size_t row = p.index / m.shape(1) + 1, col = p.index % m.shape(1) + 1;
  if (s.layout == Layout::columns) std::swap(row, col);
  return s.trace.symbol(p.bias ? Eq::b : Eq::W, p.l) + "[" + std::to_string(row) + "," +
         std::to_string(col) + "]";
}

// The analytic and numerical gradient of a few parameters, as [N x 1] columns.
struct Sampled {
  Matrix g, n;
};

Sampled sampled_gradients(const Session& s, const Gradients& g, const std::vector<Parameter>& chosen,
                          double epsilon) {
  Sampled out{Matrix({chosen.size(), 1}), Matrix({chosen.size(), 1})};
  for (std::size_t k = 0; k < chosen.size(); ++k) {
    const Parameter& p = chosen[k];
    out.g(k, 0) = (p.bias ? g.db[p.l] : g.dW[p.l]).flat(p.index);
    out.n(k, 0) = numerical_derivative(s.network, s.data, p.l, p.bias, p.index, epsilon);
  }
  return out;
}

// The verdict on ρ at the ε given. When it fails, the check again at the
// reference ε (`ratio_at`) tells an ε too large or too small from a wrong
// derivative, and a wrong derivative is traced to its formula.
void judge(Session& s, const Network& differentiated, double rho,
           const std::function<double(double)>& ratio_at) {
  Tracer& trace = s.trace;
  const int L = s.network.L();
  const double epsilon = s.settings.epsilon;
  const Verdict verdict = verdict_for(rho);
  if (verdict.passed || !std::isfinite(rho)) {
    trace.verdict(Eq::norm_ratio, L, verdict.passed, verdict.words);
    return;
  }
  std::vector<CheckAt> references;
  std::string ratios;
  for (const double reference : reference_epsilons) {
    if (reference == epsilon) continue;
    references.push_back({reference, ratio_at(reference)});
    if (stop_requested()) return;
    ratios += (ratios.empty() ? "" : ", ") + ("ρ = " + trace.number(references.back().ratio) +
                                             " at ε = " + Tracer::exact(reference));
  }
  trace.note("ρ = " + trace.number(rho) + " at ε = " + Tracer::exact(epsilon) +
             " fails; the check again at reference ε: " + ratios + ".");
  const Diagnosis d = diagnose(epsilon, references);
  if (d.blame == Blame::derivative) {  // the words of the best ratio at any ε
    double best = rho;
    for (const CheckAt& at : references) best = std::min(best, at.ratio);
    trace.verdict(Eq::norm_ratio, L, false, verdict_for(best).words);
    report_formulas(s.trace, differentiated, s.data);
    return;
  }
  const std::string good = Tracer::exact(d.good_epsilon);
  trace.verdict(Eq::norm_ratio, L, true,
                d.blame == Blame::epsilon_too_large
                    ? "passed at ε = " + good + ": backpropagation is right; ε = " + Tracer::exact(epsilon) +
                          " is too large, its ρ is the central difference's truncation error, which shrinks like ε²"
                    : "passed at ε = " + good + ": backpropagation is right; ε = " + Tracer::exact(epsilon) +
                          " is too small, its ρ is rounding in J(w + ε) − J(w − ε), which grows like 1/ε");
  trace.tip({"With --epsilon " + good + " the same check passes.",
             trace.command_with("--epsilon " + good),
             {"exit 0", "has kind=check passed=true", "lacks kind=check passed=false"}});
}

// The network backpropagation differentiates: the example's, with f(z) in
// place of f′(z) under --break-derivative.
Network differentiated_network(Session& s) {
  Network net = s.network;
  if (!s.settings.break_derivative) return net;
  for (int l = 1; l < net.L(); ++l) net.layer(l).f = with_broken_derivative(net.layer(l).f);
  s.trace.note("--break-derivative: backpropagation now uses f(z) in place of f′(z) (7.5).");
  return net;
}

// Backpropagation's gradient g (chapters 1–5, as a recap).
Gradients analytic_gradient(Session& s, const Network& differentiated) {
  auto recap = s.trace.recap("chapters 1–5, backpropagation's analytic gradient g");
  return backprop(differentiated, s.data, &s.trace);
}

// --sample-weights N: a few weights and biases drawn by the seed, a large
// network's check in seconds.
void check_sample(Session& s, const Network& differentiated, const Gradients& g, std::size_t count) {
  Tracer& trace = s.trace;
  const Network& net = s.network;
  const double epsilon = s.settings.epsilon;
  const std::vector<Parameter> chosen = sample_parameters(net, count, s.settings.seed);
  trace.note("Central differences with ε = " + trace.number(epsilon) + " at " +
             std::to_string(chosen.size()) + " of the " + std::to_string(parameter_count(net)) +
             " weights and biases, drawn at random by seed " + std::to_string(s.settings.seed) + ".");
  const Sampled at = sampled_gradients(s, g, chosen, epsilon);
  Table table({"analytic g", "numerical n", "r"});
  for (std::size_t k = 0; k < chosen.size(); ++k)
    table.row(place(s, chosen[k]), {at.g(k, 0), at.n(k, 0), relative_error(at.g(k, 0), at.n(k, 0))});
  trace.table(Eq::relative_error, net.L(), table);
  const double rho = traced(trace, Eq::norm_ratio, net.L(), norm_ratio(at.g, at.n));
  judge(s, differentiated, rho,
        [&](double e) { return norm_ratio(at.g, sampled_gradients(s, g, chosen, e).n); });
}

// Every weight and bias nudged both ways, each compared with g (7.3), and ρ (7.4).
void check_all(Session& s, const Network& differentiated, const Gradients& g) {
  const Network& net = s.network;
  Tracer& trace = s.trace;
  const int L = net.L();
  const double epsilon = s.settings.epsilon;
  const std::size_t count = parameter_count(net);
  trace.note("Central differences with ε = " + trace.number(epsilon) + ": " + std::to_string(count) +
             (net.has_biases() ? " weights and biases" : " weights") + ", each nudged both ways, " +
             std::to_string(2 * count) + " evaluations of J.");
  if (count > 5000)  // a network made for data files: a sample answers the same question sooner
    trace.tip({"To check a few of them instead: --sample-weights 100 checks 100, drawn at random by the seed.",
               trace.command_with("--sample-weights 100"),
               {"has kind=note text~random", "lacks kind=matrix id=numerical_weight_gradient",
                "has kind=check id=norm_ratio",
                s.settings.break_derivative ? "exit 1" : "exit 0"}});
  CtrlC ctrl_c;
  WorkProgress progress(count, "weights nudged");
  std::size_t nudged = 0;
  const Nudged watch = [&](std::size_t done) {
    progress.update(nudged = done);
    return !stop_requested();
  };
  //! [gradient check]
  // (7.1) for every weight and bias in one call: each layer's is traced at this line
  const auto [n, computed] =
      std::pair{numerical_gradients(net, s.data, epsilon, watch), std::source_location::current()};
  if (stop_requested()) return progress.stopped(nudged, "no verdict is drawn from a part of the weights");
  progress.finish();
  for (int l = 1; l < L; ++l) {
    traced(trace, Eq::numerical_weight_gradient, l, n.dW[l], {}, computed);
    // Each weight named by its place in W as the trace shows it (rows or columns).
    trace.table(Eq::relative_error, l,
                gradient_table(trace.as_shown(g.dW[l]), trace.as_shown(n.dW[l]), trace.symbol(Eq::W, l)));
    if (!net.layer(l).has_bias) continue;
    traced(trace, Eq::numerical_bias_gradient, l, n.db[l], {}, computed);
    trace.table(Eq::relative_error, l,
                gradient_table(trace.as_shown(g.db[l]), trace.as_shown(n.db[l]), trace.symbol(Eq::b, l)));
  }
  const double rho = traced(trace, Eq::norm_ratio, L, norm_ratio(g, n));
  //! [gradient check]

  judge(s, differentiated, rho,
        [&](double e) { return norm_ratio(g, numerical_gradients(net, s.data, e, watch)); });
  if (stop_requested()) return progress.stopped(nudged, "no verdict is drawn from a part of the weights");
  progress.finish();
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(7, "ch07_gradient_check", "The gradient check",
                  "Compare backpropagation with the numerical gradient, weight by weight.");
  chapter.regularization().gradient_check().data_files(true, false);
  return chapter.run(argc, argv, [](Session& s) {
    const Network differentiated = differentiated_network(s);
    const Gradients g = analytic_gradient(s, differentiated);
    if (s.settings.sample_weights > 0)
      check_sample(s, differentiated, g, s.settings.sample_weights);
    else
      check_all(s, differentiated, g);
  });
}
