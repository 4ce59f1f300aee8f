// Chapter 6 · The update
//
// Gradient descent moves every weight a little against its gradient (6.1, 6.2):
//   ΔW⁽ˡ⁾ = −η ∂J/∂W⁽ˡ⁾,   W⁽ˡ⁾ ← W⁽ˡ⁾ + ΔW⁽ˡ⁾
// and the same for the biases (6.3, 6.4). A small enough η makes J fall; the
// chapter prints J before and after to show it. --save-network writes the new
// weights, so that the next run can start from them.
#include <bpw/bpw.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace bpw;

namespace {

// J after one step of rate η from `net`, untraced.
double J_after_step(const Network& net, const Dataset& data, double eta) {
  Network stepped = net;
  Gradients g = backprop(stepped, data);
  descend(stepped, g, eta);
  return J_of(stepped, data);
}

// What J did, and when it rose, a learning rate that this very step shows to
// make J fall: η halved until it does (0 when 60 halvings do not).
void say_what_J_did(Session& s, double J_before, double J_after) {
  Tracer& trace = s.trace;
  const double eta = s.settings.learning_rate;
  const std::string J = s.network.l2().active() ? "J̃" : "J";  // the cost the step lowers
  const std::string went = J + " went from " + trace.number(J_before) + " to " + trace.number(J_after);
  if (!std::isfinite(J_before) || !std::isfinite(J_after)) {
    trace.note(went + ": a number beyond float64, so nothing can be said of the step (see the first "
                      "non-finite value above).");
    return;
  }
  if (J_after < J_before) {
    trace.note(went + ": it fell, so this η is small enough for this step.");
    return;
  }
  double smaller = eta;  // halved, then rounded to two digits so that it reads as it is
  for (int halving = 1; halving <= 60; ++halving) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.2g", eta / std::ldexp(1.0, halving));
    smaller = std::strtod(digits, nullptr);
    if (J_after_step(s.network, s.data, smaller) < J_before) break;
  }
  if (!(J_after_step(s.network, s.data, smaller) < J_before)) {
    trace.note(went + ": it rose, and no smaller η lowers it: the gradient is as good as zero here.");
    return;
  }
  const std::string before_id = s.network.l2().active() ? "l2_cost" : "total_cost";
  trace.tip({went + ": it rose; this η overshoots. With --learning-rate " + trace.number(smaller) +
                 " the same step lowers " + J + ".",
             trace.command_with("--learning-rate " + Tracer::exact(smaller), {"--save-network"}),
             {"exit 0", "less id=cost_after_step < id=" + before_id}});
}

// The tip after --save-network: the next run starts where this one ended, with
// the same η (a network file alone would take the default).
void say_saved(Session& s, double J_after) {
  const std::string& file = s.settings.save_network;
  const std::string before_id = s.network.l2().active() ? "l2_cost" : "total_cost";
  const std::string eta = Tracer::exact(s.settings.learning_rate);
  s.trace.tip({"Saved the updated network to " + file + "; --network " + file +
                   " takes the next step from it, with the same --learning-rate " + s.trace.number(s.settings.learning_rate) + ".",
               s.trace.command_with("--network " + file + " --learning-rate " + eta, {"--save-network", "--seed", "--class"}),
               {"exit 0", "near id=" + before_id + " " + Tracer::exact(J_after) + " " +
                              Tracer::exact(1e-9 * std::max(1.0, std::abs(J_after)))}});
}

}  // namespace

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
    say_what_J_did(s, J_before, J_after);

    // The same step taken along the gradient found by finite differences.
    for (int l = 1; l < L; ++l)
      trace.check(Eq::weight_update, l, updated.layer(l).W,
                  Matrix(net.layer(l).W - eta * numerical.dW[l]),
                  "W − η times the finite-difference gradient", 1e-7);

    if (!s.settings.save_network.empty()) {
      save_network(updated, s.layout, s.settings.save_network);
      say_saved(s, J_after);
    }
  });
}
