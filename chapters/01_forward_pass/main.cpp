// Chapter 1 · The forward pass
//
// Each layer multiplies the activations of the layer before by its weights,
// adds its bias, and squashes the result:
//   (1.1) z⁽ˡ⁺¹⁾ = a⁽ˡ⁾ W⁽ˡ⁾ + b⁽ˡ⁾      (1.2) a⁽ˡ⁺¹⁾ = f(z⁽ˡ⁺¹⁾)
// starting from a⁽¹⁾ = X and ending at ŷ = a⁽ᴸ⁾. Samples are rows, so X is
// [samples × inputs] and W⁽ˡ⁾ is [inputs × outputs].
#include <bpw/bpw.hpp>

using namespace bpw;

int main(int argc, char** argv) {
  Chapter chapter(1, "ch01_forward_pass", "The forward pass",
                  "Trace z = a W + b and a = f(z) through every layer, from X to ŷ.");
  return chapter.run(argc, argv, [](Session& s) {
    const Network& net = s.network;
    Tracer& trace = s.trace;
    const int L = net.L();

    //! [forward pass]
    ForwardPass pass = pass_for(net);
    pass.a[1] = s.data.X;  // a⁽¹⁾ = X: one sample per row
    for (int l = 1; l < L; ++l)
      forward_layer(net, pass, l, &trace);  // (1.1) z⁽ˡ⁺¹⁾ and (1.2) a⁽ˡ⁺¹⁾, after their operands
    //! [forward pass]

    // The same network evaluated with index sums zⱼ = Σᵢ aᵢ wᵢⱼ + bⱼ, one sample
    // at a time: if a line above is changed, this says where ŷ went wrong.
    trace.check(Eq::activation, L - 1, pass.yhat(), forward_by_sums(net, s.data.X),
                "ŷ computed one sample at a time with index sums", 1e-12);
  });
}
