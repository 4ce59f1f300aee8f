// Chapters 3–6: the deltas, the gradients, and the gradient-descent update.
#pragma once

#include "bpw/equations.hpp"
#include "bpw/layer_matrices.hpp"
#include "bpw/matrix.hpp"

namespace bpw {

class Network;
class Tracer;
struct Dataset;
struct ForwardPass;

struct Gradients {
  LayerMatrices dW;  // dW[l] = ∂J/∂W⁽ˡ⁾, 1 ≤ l < L
  LayerMatrices db;  // db[l] = ∂J/∂b⁽ˡ⁾; empty when layer l has no bias
};

// (2.1)–(2.2) e = y − ŷ, Jₘ and J = Σₘ Jₘ, and with L2 (2.7)/(2.8) J̃: the
// value returned. Traced when given a tracer.
double cost(const Network& network, const ForwardPass& pass, const Matrix& y,
            Tracer* trace = nullptr);

// (3.1) δ⁽ᴸ⁾: [M x k] = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾); (3.10) through softmax's Jacobian;
// (3.11) ŷ − y for a cross-entropy with its own output activation.
Matrix output_delta(const Network& network, const ForwardPass& pass, const Matrix& y,
                    Tracer* trace = nullptr);

// (4.2) δ⁽ˡ⁾: [M x nₗ] = (δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ) ⊙ f′(z⁽ˡ⁾), for a hidden layer 1 < l < L
Matrix hidden_delta(const Network& network, const ForwardPass& pass, const Matrix& delta_next,
                    int l, Tracer* trace = nullptr);

// δ⁽ˡ⁾ for every layer 2 ≤ l ≤ L.
LayerMatrices deltas(const Network& network, const ForwardPass& pass, const Matrix& y,
                     Tracer* trace = nullptr);

// (5.1) ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾;  (5.2) ∂J/∂b⁽ˡ⁾ = Σₘ δ⁽ˡ⁺¹⁾
Gradients gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                    Tracer* trace = nullptr);

// (5.3)–(5.5) the L2 terms, when the network has them: λW added to each ∂J/∂W,
// and in the averaged form every gradient first divided by the M samples.
void regularize(const Network& network, Gradients& gradients, std::size_t samples,
                Tracer* trace = nullptr);

// Forward pass, deltas, gradients and L2 terms in one call.
Gradients backprop(const Network& network, const Dataset& data, Tracer* trace = nullptr);

// (6.2) W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂J/∂W⁽ˡ⁾;  (6.4) b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂J/∂b⁽ˡ⁾
void gradient_descent_step(Network& network, const Gradients& gradients, double eta);

// The equation that defines the network's objective: J (2.2), or J̃ (2.7, 2.8).
Eq cost_equation(const Network& network);

// J of the network on the data set (J̃ when it has L2).
double cost_of(const Network& network, const Dataset& data);

}  // namespace bpw
