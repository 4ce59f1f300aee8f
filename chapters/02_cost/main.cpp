// Chapter 2 · The cost
//
// How wrong is ŷ? The error of every sample, e = y − ŷ (2.1), the cost of every
// sample Jₘ (2.3 for ½ SSE, 2.4 for MSE), and their sum J = Σₘ Jₘ (2.2).
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
    const Matrix J_m = trace(cost.sample_equation, L, cost.sample_costs(y, yhat));
    const Matrix J = trace(Eq::total_cost, L, Matrix{{total(J_m)}});
    //! [cost]

    trace.check(Eq::total_cost, L, J, Matrix{{cost.J(y, yhat)}},
                "J computed over all samples and outputs at once", 1e-12);
  });
}
