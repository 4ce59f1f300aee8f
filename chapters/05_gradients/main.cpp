// Chapter 5 · The gradients
//
// With every δ known, the gradient of J with respect to each weight matrix is
// one product (5.1), ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾: the activations that fed the
// weights times the deltas they fed. The product also sums over the samples.
// A bias feeds a constant 1, so its gradient is that sum alone (5.2). With L2
// regularisation each ∂J/∂W gains λW (5.3), or in the J/M form every gradient
// is first divided by the M samples (5.4, 5.5).
#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// --weight: one element of ∂J/∂W⁽ˡ⁾ worked as the published examples work it,
// a product of scalars per sample, summed; it must equal the element of (5.1).
void by_hand(Session& s, const ForwardPass& pass, const Deltas& d, const WeightSpec& w) {
  const WeightChain chain = chain_of(s.network, pass, d, w.l, w.i, w.j);
  s.trace.chain(chain);
  const Matrix dW = matmul(transpose(pass.a[w.l]), d.delta[w.l + 1]);
  s.trace.check(Eq::weight_gradient, w.l, Matrix{{chain.value}}, Matrix{{dW(w.i, w.j)}},
                "the same element of the product above", 1e-12);
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(5, "ch05_gradients", "The gradients",
                  "Trace ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾ and ∂J/∂b⁽ˡ⁾ for every layer.");
  chapter.regularization().weight();
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();

    ForwardPass pass;
    Deltas d = deltas_for(net);
    {
      auto recap = trace.recap("chapters 1–4, from X to every delta");
      pass = forward(net, s.data.X, &trace);
      J_of(net, pass, s.data.y, &trace);
      backpropagate(net, pass, s.data.y, d, &trace);
    }
    const Gradients numerical = numerical_gradients(net, s.data, 1e-5);

    Gradients g = gradients_for(net);
    for (int l = L - 1; l >= 1; --l) {
      //! [gradients]
      layer_gradients(net, pass, d.delta, l, g, &trace);             // (5.1), (5.2)
      regularize_layer(net, l, g, samples(s.data), &trace);          // (5.3)–(5.5) with L2
      //! [gradients]
      // With L2 the gradients checked are those of J̃ (5.3)–(5.5).
      const bool mean = net.l2().averaged;
      const Eq weight_eq = !net.l2().active() ? Eq::weight_gradient
                           : mean             ? Eq::l2_weight_gradient_mean
                                              : Eq::l2_weight_gradient;
      trace.check(weight_eq, l, g.dW[l], numerical.dW[l], "the finite-difference gradient", 1e-7);
      if (net.layer(l).has_bias)
        trace.check(mean ? Eq::bias_gradient_mean : Eq::bias_gradient, l, g.db[l], numerical.db[l],
                    "the finite-difference gradient", 1e-7);
      if (s.settings.weight && s.settings.weight->l == l) by_hand(s, pass, d, *s.settings.weight);
    }
  });
}
