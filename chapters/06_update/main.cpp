// Chapter 6 · The update
//
// Gradient descent moves every weight a little against its gradient (6.1, 6.2):
//   ΔW⁽ˡ⁾ = −η ∂J/∂W⁽ˡ⁾,   W⁽ˡ⁾ ← W⁽ˡ⁾ + ΔW⁽ˡ⁾
// and the same for the biases (6.3, 6.4). A small enough η makes J fall; the
// chapter prints J before and after to show it. --save-network writes the new
// weights, so that the next run can start from them.
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  Chapter chapter(6, "ch06_update", "The update",
                  "Trace one gradient-descent step and J before and after it.");
  chapter.regularization().learning_rate().fixed_biases().save_network().weight();
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const double eta = s.settings.learning_rate;

    Gradients g = gradients_for(net);
    double J_before = 0;
    ForwardPass pass;
    Deltas d;
    {
      auto recap = trace.recap("chapters 1–5, from X to every gradient");
      pass = forward(net, s.data.X, &trace);
      J_before = J_of(net, pass, s.data.y, &trace);
      d = deltas(net, pass, s.data.y, &trace);
      gradients(net, pass, d.delta, g, &trace);
      regularize(net, g, samples(s.data), &trace);
    }
    const Gradients numerical = numerical_gradients(net, s.data, 1e-5);
    trace.note("Learning rate η = " + trace.number(eta) + ".");

    //! [update]
    Network updated = net;
    for (int l = 1; l < L; ++l) descend_layer(updated, l, g, eta, &trace);  // (6.1)–(6.4)
    //! [update]

    if (const auto& w = s.settings.weight) {  // --weight: that one weight's step, by hand
      trace.chain(chain_of(net, pass, d, w->l, w->i, w->j));
      const double before = net.layer(w->l).W(w->i, w->j), step = g.dW[w->l](w->i, w->j);
      const std::string J = net.l2().active() ? "J̃" : "J";
      trace.note("(6.1), (6.2) for that weight: w ← w + Δw, with Δw = −η ∂" + J + "/∂w = −" +
                 trace.number(eta) + " · " + trace.number(-step / eta) + " = " + trace.number(step) +
                 ": " + trace.number(before) + " + (" + trace.number(step) + ") = " +
                 trace.number(updated.layer(w->l).W(w->i, w->j)));
    }

    const double J_after = traced(trace, Eq::cost_after_step, L, J_of(updated, s.data));
    trace.note("J went from " + trace.number(J_before) + " to " + trace.number(J_after) +
               (J_after < J_before ? ": it fell, as a small enough step must."
                                   : ": it rose; this η overshoots, try a smaller --learning-rate."));

    // The same step taken along the gradient found by finite differences.
    for (int l = 1; l < L; ++l)
      trace.check(Eq::weight_update, l, updated.layer(l).W,
                  Matrix(net.layer(l).W - eta * numerical.dW[l]),
                  "W − η times the finite-difference gradient", 1e-7);

    if (!s.settings.save_network.empty()) {
      save_network(updated, s.layout, s.settings.save_network);
      trace.note("Saved the updated network to " + s.settings.save_network +
                 "; run again with --network " + s.settings.save_network + " for the next step.");
    }
  });
}
