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
  const ChapterInfo info{6, "ch06_update", "The update",
                         "Trace one gradient-descent step and J before and after it.",
                         learning_rate_option | save_network_option};
  return run_chapter(argc, argv, info, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const double eta = s.settings.learning_rate;

    Gradients g;
    double J_before = 0;
    {
      auto recap = trace.recap("chapters 1–5, from X to every gradient");
      const ForwardPass pass = forward(net, s.data.X, &trace);
      J_before = bpw::cost(net, pass, s.data.y, &trace);
      g = gradients(net, pass, deltas(net, pass, s.data.y, &trace), &trace);
    }
    trace.note("Learning rate η = " + trace.number(eta) + ".");

    //! [update]
    Network updated = net;
    for (int l = 1; l < L; ++l) {
      Layer& layer = updated.layer(l);
      trace(Eq::W, l, layer.W);  // before the step
      const Matrix step = trace(Eq::weight_step, l, -eta * g.dW[l]);
      layer.W = trace(Eq::weight_update, l, layer.W + step);
      if (layer.has_bias) {
        trace(Eq::b, l, layer.b);
        const Matrix bias_step = trace(Eq::bias_step, l, -eta * g.db[l]);
        layer.b = trace(Eq::bias_update, l, layer.b + bias_step);
      }
    }
    //! [update]

    const double J_after = cost_of(updated, s.data);
    trace(cost_equation(net), L, Matrix{{J_after}});
    const double change = J_after - J_before;
    trace.note("J went from " + trace.number(J_before) + " to " + trace.number(J_after) +
               (change < 0 ? ": it fell, as a small enough step must."
                           : ": it rose; this η overshoots, try a smaller --learning-rate."));

    Network reference = net;
    gradient_descent_step(reference, g, eta);
    for (int l = 1; l < L; ++l)
      trace.check(Eq::weight_update, l, updated.layer(l).W, reference.layer(l).W,
                  "the library's gradient-descent step", 1e-12);

    if (!s.settings.save_network.empty()) {
      save_network(updated, s.settings.save_network);
      trace.note("Saved the updated network to " + s.settings.save_network +
                 "; run again with --network " + s.settings.save_network + " for the next step.");
    }
  });
}
