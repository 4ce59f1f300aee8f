// Chapter 2 · The cost
//
// How wrong is ŷ? The error of every sample, e = y − ŷ (2.1), the cost of every
// sample Jₘ (2.3 for ½ SSE, 2.4 MSE, 2.5 cross-entropy, 2.6 softmax
// cross-entropy), and their sum J = Σₘ Jₘ (2.2); with L2 regularisation the
// penalty (λ/2) Σ ‖W‖² is added (2.7, or 2.8 for the J/M form).
// Backpropagation is the computation of how J changes with every weight.
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  const ChapterInfo info{2, "ch02_cost", "The cost",
                         "Trace the error of every sample and the cost J."};
  return run_chapter(argc, argv, info, [](Session& s) {
    const Network& net = s.network;
    const Cost& cost = net.cost();
    Tracer& trace = s.trace;
    const int L = net.L();

    ForwardPass pass;
    {
      auto recap = trace.recap("chapter 1, the forward pass");
      pass = forward(net, s.data.X, &trace);
    }
    const Matrix& yhat = pass.yhat();

    //! [cost]
    const Matrix y = trace(Eq::y, L, s.data.y);
    const Matrix e = trace(Eq::output_error, L, y - yhat);
    const Matrix J_m = trace(cost.sample_equation, L, cost.sample_costs(y, yhat, pass.z[L]));
    const Matrix J = trace(Eq::total_cost, L, Matrix{{total(J_m)}});
    //! [cost]

    trace.check(Eq::total_cost, L, J, Matrix{{cost.J(y, yhat, pass.z[L])}},
                "J computed over all samples and outputs at once", 1e-12);

    if (const L2& l2 = net.l2(); l2.active()) {
      //! [penalty]
      double squares = 0;  // Σₗ ‖W⁽ˡ⁾‖², the biases left out
      for (int l = 1; l < L; ++l) squares += total(Matrix(net.layer(l).W * net.layer(l).W));
      const double M = static_cast<double>(y.shape(0));
      const double data_term = l2.averaged ? J(0, 0) / M : J(0, 0);
      const Matrix J_tilde = trace(l2.averaged ? Eq::l2_cost_mean : Eq::l2_cost, L,
                                   Matrix{{data_term + l2.lambda / 2 * squares}});
      //! [penalty]
      trace.check(l2.averaged ? Eq::l2_cost_mean : Eq::l2_cost, L, J_tilde,
                  Matrix{{cost_of(net, s.data)}}, "the library's J̃", 1e-12);
    }
  });
}
