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
  const ChapterInfo info{3, "ch03_output_delta", "The output delta",
                         "Trace ∂J/∂ŷ, f′(z⁽ᴸ⁾) and their product δ⁽ᴸ⁾."};
  return run_chapter(argc, argv, info, [](Session& s) {
    const Network& net = s.network;
    const Cost& cost = net.cost();
    Tracer& trace = s.trace;
    const int L = net.L();
    const Matrix& y = s.data.y;

    ForwardPass pass;
    {
      auto recap = trace.recap("chapters 1–2, the forward pass and the cost");
      pass = forward(net, s.data.X, &trace);
      bpw::cost(net, pass, y, &trace);
    }
    const Matrix& yhat = pass.yhat();
    const Activation& f = net.layer(L - 1).f;  // the output layer's activation

    //! [output delta]
    const Matrix e = trace(Eq::output_error, L, y - yhat);
    const Matrix dJ_dyhat = trace(cost.gradient_equation, L, cost.dJ_dyhat(y, yhat));
    Matrix delta;
    if (f.elementwise()) {
      const Matrix f_prime = trace(f.derivative_equation, L, f.f_prime(pass.z[L]));
      delta = trace(Eq::output_delta, L, dJ_dyhat * f_prime);
    } else {  // softmax: each ŷₖ depends on every z, so f′ is a Jacobian
      delta = trace(f.derivative_equation, L, backward(f, pass.z[L], dJ_dyhat));
    }
    //! [output delta]

    if (cost.output_activation == f.name) {
      //! [simplified delta]
      const Matrix simplified = trace(Eq::simplified_delta, L, yhat - y);
      //! [simplified delta]
      trace.check(Eq::simplified_delta, L, delta, simplified, "the general product above", 1e-9);
    }

    // δ⁽ᴸ⁾ is ∂J/∂z⁽ᴸ⁾, so nudging each z⁽ᴸ⁾ by ±ε and watching J must agree.
    trace.check(f.elementwise() ? Eq::output_delta : f.derivative_equation, L, delta,
                numerical_delta(net, pass, y, L, 1e-5), "the finite-difference ∂J/∂z", 1e-7);
  });
}
