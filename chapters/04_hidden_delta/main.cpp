// Chapter 4 · The hidden deltas
//
// A hidden layer l has no target of its own; its share of the blame comes back
// through the weights that carried its activations forward. First the gradient
// with respect to its activations (4.1), ∂J/∂a⁽ˡ⁾ = δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ, then through
// its own activation function (4.2), δ⁽ˡ⁾ = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾), from the last
// hidden layer back to the first.
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  const ChapterInfo info{4, "ch04_hidden_delta", "The hidden deltas",
                         "Trace δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ, f′(z⁽ˡ⁾) and δ⁽ˡ⁾ for every hidden layer."};
  return run_chapter(argc, argv, info, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const Matrix& y = s.data.y;

    ForwardPass pass;
    Matrix delta_next;  // δ⁽ˡ⁺¹⁾, starting at the output layer
    {
      auto recap = trace.recap("chapters 1–3, from X to the output delta");
      pass = forward(net, s.data.X, &trace);
      bpw::cost(net, pass, y, &trace);
      delta_next = output_delta(net, pass, y, &trace);
    }
    if (L < 3) {
      trace.note("This network has no hidden layer: δ⁽ᴸ⁾ is its only delta.");
      return;
    }

    //! [hidden deltas]
    for (int l = L - 1; l >= 2; --l) {
      const Matrix W_T = transpose(net.layer(l).W);
      const Matrix dJ_da =
          trace(Eq::activation_gradient, l, matmul(delta_next, W_T), {delta_next, W_T});
      const Activation& f = net.layer(l - 1).f;  // the activation that made a⁽ˡ⁾
      const Matrix f_prime = trace(f.derivative_equation, l, f.f_prime(pass.z[l]));
      const Matrix delta = trace(Eq::hidden_delta, l, dJ_da * f_prime);
      //! [hidden deltas]

      trace.check(Eq::hidden_delta, l, delta, numerical_delta(net, pass, y, l, 1e-5),
                  "the finite-difference ∂J/∂z", 1e-7);
      delta_next = delta;
    }
  });
}
