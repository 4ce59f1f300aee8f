// Chapter 3 · The output delta
//
// δ⁽ᴸ⁾ = ∂J/∂z⁽ᴸ⁾ says how the cost changes with the output layer's weighted
// input. The chain rule splits it into what the cost says about ŷ and what the
// activation says about z (3.1):  δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾).
// For ½ SSE, ∂J/∂ŷ = −(y − ŷ) (3.2); for a sigmoid, f′ = σ ⊙ (1 − σ) (3.4).
// A softmax output makes f′ a Jacobian per sample (3.10), and a cross-entropy
// with its own output activation simplifies the whole product to ŷ − y (3.11).
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  Chapter chapter(3, "ch03_output_delta", "The output delta",
                  "Trace ∂J/∂ŷ, f′(z⁽ᴸ⁾) and their product δ⁽ᴸ⁾.");
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const Matrix& y = s.data.y;

    ForwardPass pass;
    {
      auto recap = trace.recap("chapters 1–2, the forward pass and the cost");
      pass = forward(net, s.data.X, &trace);
      J_of(net, pass, y, &trace);
    }

    const bool saturated = output_saturated(net, pass);
    if (saturated)
      trace.note("ŷ rounds to exactly 0 or 1 here (a sigmoid at |z| ≥ 37): ∂J/∂ŷ would be infinite "
                 "and f′(z⁽ᴸ⁾) 0, a product with no value, though it cancels to ŷ − y (3.11); "
                 "δ⁽ᴸ⁾ is computed in that form.");
    //! [output delta]
    Deltas d = deltas_for(net);
    const Matrix delta = chain_rule_output_delta(net, pass, y, d, &trace);  // (3.1)–(3.10)
    //! [output delta]

    const Activation& f = net.activation(L);
    if (net.cost().output_activation == f.name && !saturated) {
      //! [simplified delta]
      const Matrix& simplified = output_delta(net, pass, y, d, &trace);  // (3.11)
      //! [simplified delta]
      trace.check(Eq::simplified_delta, L, delta, simplified, "the general product above", 1e-9);
    }

    // δ⁽ᴸ⁾ is ∂J/∂z⁽ᴸ⁾, so nudging each z⁽ᴸ⁾ by ±ε and watching J must agree.
    if (!trace.check(saturated ? Eq::simplified_delta : f.elementwise() ? Eq::output_delta : f.derivative_equation, L, delta,
                     numerical_delta(net, pass, y, L, 1e-5), "the finite-difference ∂J/∂z", 1e-7))
      report_formulas(trace, net, s.data);  // which formula of the chain is wrong
  });
}
