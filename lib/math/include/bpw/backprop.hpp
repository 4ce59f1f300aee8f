// Chapters 2–6: the cost, the deltas, the gradients and the update. Each
// function writes into buffers that keep their memory from call to call and
// traces each step when given a sink: the chapters call them with a tracer,
// the training loop (bpw/train.hpp) with none, so both run the same code.
#pragma once

#include <cstddef>

#include "bpw/eq.hpp"
#include "bpw/layer_matrices.hpp"
#include "bpw/matrix.hpp"
#include "bpw/traced.hpp"

namespace bpw {

class Network;
struct Dataset;
struct ForwardPass;

// δ⁽ˡ⁾ of every layer 2 ≤ l ≤ L, with the two factors each is made of.
struct Deltas {
  LayerMatrices dJ_da;    // ∂J/∂ŷ at L, (4.1) ∂J/∂a⁽ˡ⁾ below
  LayerMatrices f_prime;  // f′(z⁽ˡ⁾) where the activation is element-wise
  LayerMatrices delta;    // δ⁽ˡ⁾ = ∂J/∂z⁽ˡ⁾
};
Deltas deltas_for(const Network& network);

struct Gradients {
  LayerMatrices dW;  // dW[l] = ∂J/∂W⁽ˡ⁾, 1 ≤ l < L
  LayerMatrices db;  // db[l] = ∂J/∂b⁽ˡ⁾; empty when layer l has no bias
};
Gradients gradients_for(const Network& network);

// (2.1)–(2.6) Jₘ and (2.2) J = Σₘ Jₘ, and with L2 (2.7)/(2.8) J̃: the value returned.
double J_of(const Network& network, const ForwardPass& pass, const Matrix& y,
            TraceSink* trace = nullptr);

// (2.7) J̃ = J + (λ/2) Σ ‖W‖² or (2.8) J̃ = J/M + (λ/2) Σ ‖W‖² from J on M samples,
// when the network has L2 (biases are not penalised); J itself otherwise.
double regularized(const Network& network, double J, std::size_t M);

// The equation that defines the network's objective: J (2.2), or J̃ (2.7, 2.8).
Eq J_equation(const Network& network);

// (3.1) δ⁽ᴸ⁾: [M x k] = ∂J/∂ŷ ⊙ f′(z⁽ᴸ⁾); (3.10) through softmax's Jacobian;
// (3.11) ŷ − y for a cross-entropy with its own output activation.
const Matrix& output_delta(const Network& network, const ForwardPass& pass, const Matrix& y,
                           Deltas& d, TraceSink* trace = nullptr);

// δ⁽ᴸ⁾ by the chain rule even where (3.11) simplifies it: (3.2)–(3.9) ∂J/∂ŷ,
// then (3.1) with f′ or (3.10) with softmax's Jacobian. Chapter 3 shows both.
// Where the output saturates (output_saturated) it is (3.11) alone.
// A cross-entropy with its own output activation whose ŷ rounds to exactly 0
// or 1 somewhere (a sigmoid at |z| ≥ 37): there ∂J/∂ŷ is infinite and f′ is 0,
// and only their product, ŷ − y (3.11), is finite.
bool output_saturated(const Network& network, const ForwardPass& pass);

const Matrix& chain_rule_output_delta(const Network& network, const ForwardPass& pass,
                                      const Matrix& y, Deltas& d, TraceSink* trace = nullptr);

// (4.1) ∂J/∂a⁽ˡ⁾ = δ⁽ˡ⁺¹⁾ (W⁽ˡ⁾)ᵀ;  (4.2) δ⁽ˡ⁾: [M x nₗ] = ∂J/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾), for a
// hidden layer 1 < l < L, from d.delta[l + 1].
const Matrix& hidden_delta(const Network& network, const ForwardPass& pass, int l, Deltas& d,
                           TraceSink* trace = nullptr);

// Every δ, from the output layer back to layer 2.
void backpropagate(const Network& network, const ForwardPass& pass, const Matrix& y, Deltas& d,
                   TraceSink* trace = nullptr);
Deltas deltas(const Network& network, const ForwardPass& pass, const Matrix& y,
              TraceSink* trace = nullptr);

// (5.1) ∂J/∂W⁽ˡ⁾ = (a⁽ˡ⁾)ᵀ δ⁽ˡ⁺¹⁾;  (5.2) ∂J/∂b⁽ˡ⁾ = Σₘ δ⁽ˡ⁺¹⁾, for weight layer
// l, and for every layer.
void layer_gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                     int l, Gradients& g, TraceSink* trace = nullptr);
void gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
               Gradients& g, TraceSink* trace = nullptr);
Gradients gradients(const Network& network, const ForwardPass& pass, const LayerMatrices& delta,
                    TraceSink* trace = nullptr);

// (8.1) ∂J_B/∂W⁽ˡ⁾ = Σ_{m ∈ B} ∂Jₘ/∂W⁽ˡ⁾: the batch's gradient as the sum of each
// sample's own, (a⁽ˡ⁾ₘ)ᵀ δ⁽ˡ⁺¹⁾ₘ, one sample and one outer product at a time; the
// same matrix (5.1) makes in one product.
Matrix gradient_by_samples(const ForwardPass& pass, const LayerMatrices& delta, int l);

// (5.3)–(5.5) the L2 terms, when the network has them: λW added to each ∂J/∂W,
// and in the averaged form every gradient first divided by the M samples.
void regularize_layer(const Network& network, int l, Gradients& g, std::size_t M,
                      TraceSink* trace = nullptr);
void regularize(const Network& network, Gradients& g, std::size_t M, TraceSink* trace = nullptr);

// Forward pass, deltas, gradients and L2 terms in one call.
Gradients backprop(const Network& network, const Dataset& data, TraceSink* trace = nullptr);

// (6.1) ΔW⁽ˡ⁾ = −η ∂J/∂W⁽ˡ⁾, (6.2) W⁽ˡ⁾ ← W⁽ˡ⁾ + ΔW⁽ˡ⁾, and (6.3), (6.4) the same
// for the biases unless they are held fixed. The gradients become the steps, in
// place: g holds ΔW and Δb after.
void descend_layer(Network& network, int l, Gradients& g, double eta, TraceSink* trace = nullptr);
void descend(Network& network, Gradients& g, double eta, TraceSink* trace = nullptr);

}  // namespace bpw
