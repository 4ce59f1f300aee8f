// Chapter 9 · L-BFGS
//
// Gradient descent walks downhill with one fixed step size η. A quasi-Newton
// method also learns the curvature of J from the gradients it has seen, and
// scales and turns each step by that estimate Hₖ of the inverse Hessian (9.1).
// The classic tutorials hand their cost and gradient to BFGS; here the
// workbook's own J (chapter 2) and ∇J (chapters 3–5) drive L-BFGS from Debian's
// liblbfgs, beside plain gradient descent from the same starting weights, until
// the gradient's norm (9.2) falls below the tolerance.
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// When L-BFGS stopped above the tolerance: the same run (it is deterministic)
// with up to ten times the iterations shows whether more would get there, and
// the tip names a number of iterations that does. Only for data small enough
// that the trial costs a moment.
void say_why_not_converged(Session& s, const std::string& stopped, int max_iterations, double tolerance) {
  Tracer& trace = s.trace;
  const std::string above = stopped + ", still above the tolerance " + trace.number(tolerance);
  if (samples(s.data) * parameters_of(s.network).size() > 1'000'000) {
    trace.note(above + ".");
    return;
  }
  Network trial = s.network;
  const OptimizeResult longer = minimize_lbfgs(trial, s.data, 10 * max_iterations, tolerance);
  if (!longer.converged) {
    trace.note(above + "; even ten times as many iterations do not get below it.");
    return;
  }
  const std::size_t enough = (longer.iterations.size() + 99) / 100 * 100;
  trace.tip({above + "; with --iterations " + std::to_string(enough) + " it gets there (" +
                 std::to_string(longer.iterations.size()) + " iterations).",
             trace.command_with("--iterations " + std::to_string(enough), {"--save-network"}),
             {"exit 0", "has kind=check id=gradient_norm passed=true"}});
}

// Chapters 1–5 at the starting weights, as a recap; false, after saying why,
// when J is not finite there.
bool starts_finite(Session& s) {
  Tracer& trace = s.trace;
  {
    auto recap = trace.recap("chapters 1–5: J and ∇J at the starting weights");
    backprop(s.network, s.data, &trace);
  }
  const double J0 = J_of(s.network, s.data);
  if (std::isfinite(J0)) return true;
  traced(trace, Eq::training_cost, s.network.L(), J0);  // named above, with a likely cause
  trace.verdict(Eq::gradient_norm, 1, false,
                "not drawn: J is not finite at the starting weights, so neither L-BFGS nor gradient "
                "descent has a number to lower, and no count of iterations is judged by it");
  return false;
}

// L-BFGS and, from the same weights, as many full-batch gradient steps.
struct Runs {
  Network quasi_newton, descent;
  OptimizeResult result;
  std::vector<double> descent_cost;  // J after each gradient step
};

// Both runs, or none (after saying so) when Ctrl-C cut them short.
std::optional<Runs> run_both(Session& s, int max_iterations, double tolerance) {
  const double eta = s.settings.learning_rate;
  CtrlC ctrl_c;  // Ctrl-C ends either run at its next iteration
  WorkProgress progress(2 * static_cast<std::size_t>(max_iterations), "iterations (L-BFGS, then gradient descent)");
  const auto watch = [&](const Network&, const Iteration& it) { progress.update(static_cast<std::size_t>(it.number)); };
  //! [lbfgs]
  Network quasi_newton = s.network, descent = s.network;
  std::vector<double> descent_cost;
  const OptimizeResult result = minimize_lbfgs(quasi_newton, s.data, max_iterations, tolerance, watch);
  Trainer trainer(descent);  // the same number of plain, full-batch gradient steps
  const std::vector<std::size_t> all = shuffled(samples(s.data), 0);
  for (int k = 0; k < max_iterations && !stop_requested(); ++k) {
    trainer.step(s.data, all, eta);
    descent_cost.push_back(J_of(descent, s.data));
    progress.update(static_cast<std::size_t>(max_iterations + k + 1));
  }
  //! [lbfgs]
  if (stop_requested()) {
    progress.stopped(result.iterations.size() + descent_cost.size(),
                     "L-BFGS had run " + std::to_string(result.iterations.size()) +
                         " iterations, gradient descent " + std::to_string(descent_cost.size()) +
                         "; nothing is drawn from runs cut short");
    return std::nullopt;
  }
  progress.finish();
  return Runs{std::move(quasi_newton), std::move(descent), result, std::move(descent_cost)};
}

// The iterations side by side (J and ‖∇J‖ of L-BFGS, J of gradient descent), and
// whether L-BFGS got ‖∇J‖ (9.2) below the tolerance.
void compare(Session& s, const Runs& r, int max_iterations, double tolerance) {
  Tracer& trace = s.trace;
  Table table({"J (L-BFGS)", "‖∇J‖ (L-BFGS)", "J (gradient descent)"});
  for (const Iteration& it : r.result.iterations) {
    const std::size_t k = static_cast<std::size_t>(it.number) - 1;
    table.row("iteration " + std::to_string(it.number),
              {it.J, it.gradient_norm, k < r.descent_cost.size() ? r.descent_cost[k] : NAN});
  }
  trace.table(Eq::lbfgs_step, 1, table);

  const std::vector<double> g = flatten(r.quasi_newton, backprop(r.quasi_newton, s.data));
  double squares = 0;
  for (double v : g) squares += v * v;
  const double norm = traced(trace, Eq::gradient_norm, 1, std::sqrt(squares));
  const std::string stopped = "L-BFGS stopped after " + std::to_string(r.result.iterations.size()) +
                              " iterations because " + r.result.message + "; ‖∇J‖ = " + trace.number(norm);
  if (r.result.converged)  // not converging is no error, only a reason for more iterations
    trace.verdict(Eq::gradient_norm, 1, true, stopped + ", below the tolerance " + trace.number(tolerance));
  else
    say_why_not_converged(s, stopped, max_iterations, tolerance);
}

// ŷ (1.2) of a trained network, computed on the line that traces it, with
// z⁽ᴸ⁾ (computed in the same call) shown first as its operand.
void trace_output(Tracer& trace, const Network& net, const Matrix& X) {
  Output out;
  traced(trace, Eq::activation, net.L() - 1, (out = output_of(net, X)).yhat, {out.z});
}

// What each run predicts and its J at the end; the L-BFGS network saved when asked.
void show_results(Session& s, const Runs& r, int max_iterations) {
  Tracer& trace = s.trace;
  const int L = s.network.L();
  trace.note("Predictions after training, beside the targets:");
  traced(trace, Eq::y, L, s.data.y);
  trace_output(trace, r.quasi_newton, s.data.X);
  trace.note("(L-BFGS, above; gradient descent with η = " + trace.number(s.settings.learning_rate) + ", below)");
  trace_output(trace, r.descent, s.data.X);
  trace.note("J after " + std::to_string(r.result.iterations.size()) + " iterations of L-BFGS:");
  traced(trace, Eq::training_cost, L, J_of(r.quasi_newton, s.data));
  trace.note("and after " + std::to_string(max_iterations) + " of gradient descent:");
  traced(trace, Eq::training_cost, L, J_of(r.descent, s.data));
  if (!s.settings.save_network.empty()) {
    save_network(r.quasi_newton, s.layout, s.settings.save_network);
    trace.note("Saved the network L-BFGS trained to " + s.settings.save_network + ".");
  }
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(9, "ch09_bfgs", "L-BFGS",
                  "Train with L-BFGS driven by backpropagation, beside gradient descent.");
  chapter.regularization().learning_rate().save_network().iterations(200).moons().data_files(false);
  return chapter.run(argc, argv, [](Session& s) {
    const int max_iterations = static_cast<int>(s.settings.asked.iterations);
    const double tolerance = 1e-5;
    if (!starts_finite(s)) return;
    const std::optional<Runs> runs = run_both(s, max_iterations, tolerance);
    if (!runs) return;
    compare(s, *runs, max_iterations, tolerance);
    show_results(s, *runs, max_iterations);
  });
}
