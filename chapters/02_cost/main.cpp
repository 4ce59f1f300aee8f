// Chapter 2 · The cost
//
// How wrong is ŷ? The cost of every sample Jₘ (2.3 for ½ SSE and 2.4 MSE, both
// written with the error e = y − ŷ of 2.1; 2.5 cross-entropy, 2.6 softmax
// cross-entropy), and their sum J = Σₘ Jₘ (2.2); with L2 regularisation the
// penalty (λ/2) Σ ‖W‖² is added (2.7, or 2.8 for the J/M form).
// Backpropagation is the computation of how J changes with every weight.
#include <cmath>

#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  Chapter chapter(2, "ch02_cost", "The cost", "Trace the error of every sample and the cost J.");
  chapter.regularization();
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    const Cost& cost = net.cost();
    Tracer& trace = s.trace;
    const int L = net.L();

    ForwardPass pass;
    {
      auto recap = trace.recap("chapter 1, the forward pass");
      pass = forward(net, s.data.X, &trace);
    }

    //! [cost]
    const Matrix& y = s.data.y;
    const double J = J_of(net, pass, y, &trace);  // (2.1)–(2.6), and (2.7) or (2.8) with L2
    //! [cost]

    // J once more, element by element from the cost's definition (ln ŷ, not z).
    const double M = static_cast<double>(y.shape(0));
    const double sums = J_by_sums(net.cost(), y, pass.yhat());
    if (std::isfinite(J) && !std::isfinite(sums)) {  // the definition's ln 0, not a wrong J
      trace.note("J from its definition, ln ŷ summed element by element, is " + trace.number(sums) +
                 ": ŷ rounds to exactly 0 or 1 here, and ln 0 = −∞. The form in z that (2.5) and (2.6) "
                 "use stays finite, so J above is right, and the two are not compared.");
      return;
    }
    if (const L2& l2 = net.l2(); !l2.active()) {
      trace.check(Eq::total_cost, L, Matrix{{J}}, Matrix{{sums}},
                  "J summed element by element from its definition", 1e-12);
    } else {
      double squares = 0;  // Σₗ ‖W⁽ˡ⁾‖², the biases left out
      for (int l = 1; l < L; ++l)
        for (double w : net.layer(l).W) squares += w * w;
      const double reference = (l2.averaged ? sums / M : sums) + l2.lambda / 2 * squares;
      trace.check(J_equation(net), L, Matrix{{J}}, Matrix{{reference}},
                  "J̃ from J summed element by element and the squared weights", 1e-12);
    }
  });
}
