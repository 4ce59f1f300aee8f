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

#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  const ChapterInfo info{9, "ch09_bfgs", "L-BFGS",
                         "Train with L-BFGS driven by backpropagation, beside gradient descent.",
                         learning_rate_option | save_network_option | training_options, 200};
  return run_chapter(argc, argv, info, [](Session& s) {
    Tracer& trace = s.trace;
    const int L = s.network.L();
    const int max_iterations = static_cast<int>(s.settings.training.iterations);
    const double tolerance = 1e-5, eta = s.settings.learning_rate;
    {
      auto recap = trace.recap("chapters 1–5: J and ∇J at the starting weights");
      backprop(s.network, s.data, &trace);
    }

    //! [lbfgs]
    Network quasi_newton = s.network, descent = s.network;
    std::vector<double> descent_cost;
    const OptimizeResult result = minimize_lbfgs(quasi_newton, s.data, max_iterations, tolerance);
    for (int k = 0; k < max_iterations; ++k) {  // the same number of plain gradient steps
      gradient_descent_step(descent, backprop(descent, s.data), eta);
      descent_cost.push_back(cost_of(descent, s.data));
    }
    //! [lbfgs]

    // Iterations side by side: J and ‖∇J‖ of L-BFGS, J of gradient descent.
    Matrix rows({result.iterations.size(), std::size_t{3}});
    std::vector<std::string> names;
    for (std::size_t i = 0; i < result.iterations.size(); ++i) {
      const Iteration& it = result.iterations[i];
      const std::size_t k = static_cast<std::size_t>(it.number) - 1;
      rows(i, 0) = it.cost;
      rows(i, 1) = it.gradient_norm;
      rows(i, 2) = k < descent_cost.size() ? descent_cost[k] : NAN;
      names.push_back("iteration " + std::to_string(it.number));
    }
    trace.table(Eq::lbfgs_step, 1, rows, names, {"J (L-BFGS)", "‖∇J‖ (L-BFGS)", "J (gradient descent)"});

    const std::vector<double> g = flatten(quasi_newton, backprop(quasi_newton, s.data));
    double squares = 0;
    for (double v : g) squares += v * v;
    const Matrix norm = trace(Eq::gradient_norm, 1, Matrix{{std::sqrt(squares)}});
    const std::string stopped = "L-BFGS stopped after " + std::to_string(result.iterations.size()) +
                                " iterations because " + result.message + "; ‖∇J‖ = " + trace.number(norm(0, 0));
    if (result.converged)  // not converging is no error, only a reason for more --iterations
      trace.verdict(Eq::gradient_norm, 1, true, stopped + ", below the tolerance " + trace.number(tolerance));
    else
      trace.note(stopped + ", still above the tolerance " + trace.number(tolerance) + "; more --iterations may get there.");

    trace.note("Predictions after training, beside the targets:");
    trace(Eq::y, L, s.data.y);
    trace(Eq::activation, L - 1, output_of(quasi_newton, s.data.X).yhat);
    trace.note("(L-BFGS, above; gradient descent with η = " + trace.number(eta) + ", below)");
    trace(Eq::activation, L - 1, output_of(descent, s.data.X).yhat);
    trace.note("J: " + trace.number(cost_of(quasi_newton, s.data)) + " after " +
               std::to_string(result.iterations.size()) + " iterations of L-BFGS, " +
               trace.number(descent_cost.back()) + " after " + std::to_string(max_iterations) +
               " of gradient descent.");
    if (!s.settings.save_network.empty()) save_network(quasi_newton, s.settings.save_network);
  });
}
