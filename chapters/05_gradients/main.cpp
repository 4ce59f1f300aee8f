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

int main(int argc, char** argv) {
  const ChapterInfo info{5, "ch05_gradients", "The gradients",
                         "Trace ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾ and ∂J/∂b⁽ˡ⁾ for every layer."};
  return run_chapter(argc, argv, info, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();

    ForwardPass pass;
    LayerMatrices delta;
    {
      auto recap = trace.recap("chapters 1–4, from X to every delta");
      pass = forward(net, s.data.X, &trace);
      bpw::cost(net, pass, s.data.y, &trace);
      delta = deltas(net, pass, s.data.y, &trace);
    }
    const Gradients numerical = numerical_gradients(net, s.data, 1e-5);

    const L2& l2 = net.l2();
    const double scale = l2.averaged ? 1.0 / static_cast<double>(s.data.X.shape(0)) : 1.0;

    for (int l = L - 1; l >= 1; --l) {
      const Layer& layer = net.layer(l);
      //! [gradients]
      const Matrix a_T = transpose(pass.a[l]);
      Matrix dW = trace(Eq::weight_gradient, l, matmul(a_T, delta[l + 1]), {a_T, delta[l + 1]});
      Matrix db = layer.has_bias ? trace(Eq::bias_gradient, l, sum_rows(delta[l + 1])) : Matrix();
      //! [gradients]
      if (l2.active()) {
        //! [l2 gradients]
        const Eq weight_eq = l2.averaged ? Eq::l2_weight_gradient_mean : Eq::l2_weight_gradient;
        dW = trace(weight_eq, l, scale * dW + l2.lambda * layer.W);
        if (layer.has_bias && l2.averaged) db = trace(Eq::bias_gradient_mean, l, scale * db);
        //! [l2 gradients]
      }
      trace.check(Eq::weight_gradient, l, dW, numerical.dW[l], "the finite-difference ∂J/∂W", 1e-7);
      if (layer.has_bias)
        trace.check(Eq::bias_gradient, l, db, numerical.db[l], "the finite-difference ∂J/∂b", 1e-7);
    }
  });
}
