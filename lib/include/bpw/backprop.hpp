// Chapters 3–6: the deltas, the gradients, and the gradient-descent update.
#pragma once

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

// (2.1)–(2.2) e = y − ŷ, Jₘ and J = Σₘ Jₘ, traced when given a tracer.
double cost(const Network& network, const ForwardPass& pass, const Matrix& y,
            Tracer* trace = nullptr);

// (3.1) δ⁽ᴸ⁾: [M x k] = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾)
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

// Forward pass, deltas and gradients in one call.
Gradients backprop(const Network& network, const Dataset& data, Tracer* trace = nullptr);

// (6.2) W⁽ˡ⁾ ← W⁽ˡ⁾ − η ∂J/∂W⁽ˡ⁾;  (6.4) b⁽ˡ⁾ ← b⁽ˡ⁾ − η ∂J/∂b⁽ˡ⁾
void gradient_descent_step(Network& network, const Gradients& gradients, double eta);

// J of the network on the data set.
double cost_of(const Network& network, const Dataset& data);

}  // namespace bpw
