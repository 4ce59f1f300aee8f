// Chapter 7 · The gradient check
//
// Is backpropagation right? Nudge each weight by ±ε and watch J (7.1): the
// central difference [J(w + ε) − J(w − ε)] / 2ε approximates ∂J/∂w to within
// O(ε²). Compare it with the analytic gradient g of chapter 5, per weight (7.3)
// and as a whole with the norm ratio ρ = ‖g − n‖ / ‖g + n‖ (7.4): rounding alone
// gives about 1e-10; a wrong derivative gives 1e-2 or worse.
// --break-derivative uses f(z) where f′(z) belongs, to see a check fail.
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  Chapter chapter(7, "ch07_gradient_check", "The gradient check",
                  "Compare backpropagation with the numerical gradient, weight by weight.");
  chapter.regularization().gradient_check();
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const double epsilon = s.settings.epsilon;

    Network backprop_net = net;  // the network backpropagation differentiates
    if (s.settings.break_derivative) {
      for (int l = 1; l < L; ++l)
        backprop_net.layer(l).f = with_broken_derivative(net.layer(l).f);
      trace.note("--break-derivative: backpropagation now uses f(z) in place of f′(z) (7.5).");
    }
    Gradients g;
    {
      auto recap = trace.recap("chapters 1–5, backpropagation's analytic gradient g");
      g = backprop(backprop_net, s.data, &trace);
    }
    trace.note("Central differences with ε = " + trace.number(epsilon) + ".");

    //! [gradient check]
    const Gradients n = numerical_gradients(net, s.data, epsilon);
    for (int l = 1; l < L; ++l) {
      traced(trace, Eq::numerical_weight_gradient, l, n.dW[l]);
      // Each weight named by its place in W as the trace shows it (rows or columns).
      trace.table(Eq::relative_error, l,
                  gradient_table(trace.as_shown(g.dW[l]), trace.as_shown(n.dW[l]), trace.symbol(Eq::W, l)));
      if (!net.layer(l).has_bias) continue;
      traced(trace, Eq::numerical_bias_gradient, l, n.db[l]);
      trace.table(Eq::relative_error, l,
                  gradient_table(trace.as_shown(g.db[l]), trace.as_shown(n.db[l]), trace.symbol(Eq::b, l)));
    }
    const double rho = traced(trace, Eq::norm_ratio, L, norm_ratio(g, n));
    //! [gradient check]

    const Verdict verdict = verdict_for(rho);
    trace.verdict(Eq::norm_ratio, L, verdict.passed, std::string(verdict.words));
  });
}
