// Chapter 4 · The hidden deltas
//
// A hidden layer l has no target of its own; its share of the blame comes back
// through the weights that carried its activations forward. First the gradient
// with respect to its activations (4.1), ∂J/∂a⁽ˡ⁾ = δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ, then through
// its own activation function (4.2), δ⁽ˡ⁾ = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾), from the last
// hidden layer back to the first. For a linear network the chapter also shows
// the classic rule of thumb: errors shared back in proportion to the weights
// (4.3), and that dropping its denominator leaves e Wᵀ, the same product (4.4).
#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

bool is_linear(const Network& net) {
  for (int l = 1; l < net.L(); ++l)
    if (net.layer(l).f.name != "identity") return false;
  return true;
}

// (4.3) each output's error shared among the nodes that fed it, in proportion
// to their weights, then (4.4) the same without the shared denominator.
void share_errors_by_weight(Session& s, const ForwardPass& pass) {
  const Network& net = s.network;
  Tracer& trace = s.trace;
  const int L = net.L();
  trace.note("A linear network: the error shared back in proportion to the weights.");
  const LayerMatrices delta = deltas(net, pass, s.data.y).delta;
  //! [proportional split]
  Matrix e = traced(trace, Eq::output_error, L, s.data.y - pass.yhat(), {s.data.y, pass.yhat()});
  for (int l = L - 1; l >= 2; --l) {
    const Matrix& W = net.layer(l).W;
    const Matrix shares = transpose(W / sum_rows(W));  // wₕⱼ / Σₖ wₖⱼ, one column per output
    traced(trace, Eq::proportional_error, l, matmul(e, shares), {e, W});
    const Matrix W_T = transpose(W);
    e = traced(trace, Eq::backpropagated_error, l, matmul(e, W_T), {e, W});
  //! [proportional split]
    if (net.cost().name == "sse")  // then δ⁽ᴸ⁾ = −e, and every δ⁽ˡ⁾ = −e⁽ˡ⁾
      trace.check(Eq::backpropagated_error, l, e, Matrix(-delta[l]), "−δ from backpropagation", 1e-12);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(4, "ch04_hidden_delta", "The hidden deltas",
                  "Trace δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ, f′(z⁽ˡ⁾) and δ⁽ˡ⁾ for every hidden layer.");
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();
    const Matrix& y = s.data.y;

    ForwardPass pass;
    Deltas d = deltas_for(net);
    {
      auto recap = trace.recap("chapters 1–3, from X to the output delta");
      pass = forward(net, s.data.X, &trace);
      J_of(net, pass, y, &trace);
      output_delta(net, pass, y, d, &trace);
    }
    if (L < 3) {
      trace.note("This network has no hidden layer: δ⁽ᴸ⁾ is its only delta.");
      return;
    }

    bool agree = true;
    for (int l = L - 1; l >= 2; --l) {
      //! [hidden deltas]
      const Matrix& delta = hidden_delta(net, pass, l, d, &trace);  // (4.1) and (4.2)
      //! [hidden deltas]
      agree = trace.check(Eq::hidden_delta, l, delta, numerical_delta(net, pass, y, l, 1e-5),
                          "the finite-difference ∂J/∂z", 1e-7) && agree;
    }
    if (!agree) report_formulas(trace, net, s.data);  // which formula of the chain is wrong

    if (is_linear(net)) share_errors_by_weight(s, pass);
  });
}
