// The training loop's step held to an independent, loop-by-loop reference for
// every combination the library accepts: hidden activation × output activation ×
// cost × biases × L2 form. A wrong derivative anywhere in the library fails here.
#include <numeric>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include <bpw/backprop.hpp>
#include <bpw/forward.hpp>
#include <bpw/network.hpp>
#include <bpw/trace.hpp>
#include <bpw/train.hpp>

#include "reference_step.hpp"

using namespace bpw;

namespace {

struct Formulation {
  std::string_view output, cost;
};

// Every output activation with every cost written for it.
std::vector<Formulation> formulations() {
  std::vector<Formulation> out;
  for (const Activation* f : all_activations())
    for (const Cost* c : all_costs())
      if (c->output_activation.empty() || c->output_activation == f->name)
        out.push_back({f->name, c->name});
  return out;
}

// Targets the cost takes: numbers, numbers in (0, 1), or one-hot rows.
Matrix targets_for(const Cost& cost, std::size_t rows, std::size_t outputs, std::uint64_t seed) {
  const Matrix draw = standard_normal(rows, outputs, seed);
  if (cost.targets == Targets::unit) return sigmoid().f(draw);
  if (cost.targets != Targets::one_hot) return draw;
  Matrix y = xt::zeros<double>({rows, outputs});
  for (std::size_t m = 0; m < rows; ++m) y(m, (m * 7 + seed) % outputs) = 1.0;
  return y;
}

double largest_difference(const Network& a, const Network& b) {
  double d = 0;
  for (int l = 1; l < a.L(); ++l) {
    d = std::max(d, max_abs_difference(a.layer(l).W, b.layer(l).W));
    d = std::max(d, max_abs_difference(a.layer(l).b, b.layer(l).b));
  }
  return d;
}

// The step as the chapters trace it: each library function in turn, a tracer attached.
Network traced_step(const Network& start, const Dataset& batch, double eta) {
  std::ostringstream ignored;
  Tracer trace({.format = Format::json}, ignored);
  trace.describe(start);
  Network net = start;
  const ForwardPass pass = forward(net, batch.X, &trace);
  Gradients g = gradients(net, pass, deltas(net, pass, batch.y, &trace).delta, &trace);
  regularize(net, g, batch.X.shape(0), &trace);
  descend(net, g, eta, &trace);
  return net;
}

}  // namespace

TEST_CASE("the training step equals a loop-by-loop reference for every activation, cost, bias and L2 form",
          "[train][gradcheck]") {
  const std::vector<std::string_view> hidden = {"sigmoid", "tanh", "relu", "identity"};
  const std::vector<L2> penalties = {{0.0, false}, {0.0, true}, {0.1, false}, {0.1, true}};
  const std::vector<std::size_t> batch = {3, 0, 4};
  std::uint64_t seed = 100;
  int combinations = 0;
  for (std::size_t h = 0; h < hidden.size(); ++h)
    for (const Formulation& form : formulations())
      for (bool biases : {false, true})
        for (const L2& l2 : penalties) {
          ++seed;
          const Cost& cost = cost_named(form.cost);
          // Two hidden layers, so that a hidden delta feeds another hidden delta.
          Network start = random_network({{3, 4, 5, 2},
                                          {activation_named(hidden[h]),
                                           activation_named(hidden[(h + 1) % hidden.size()]),
                                           activation_named(form.output)},
                                          cost,
                                          biases},
                                         seed);
          start.set_l2(l2);
          const Dataset data{standard_normal(5, 3, seed + 1), targets_for(cost, 5, 2, seed + 2)};
          INFO(hidden[h] << " and " << hidden[(h + 1) % hidden.size()] << " hidden, " << form.output
                         << " output, cost " << form.cost << (biases ? ", biases" : "")
                         << ", λ = " << l2.lambda << (l2.averaged ? " (J/M)" : ""));
          const Dataset rows = rows_of(data, batch);
          const Network reference = testing::reference_step(start, rows.X, rows.y, 0.3);

          Network trained = start;
          Trainer(trained).step(data, batch, 0.3);
          CHECK(largest_difference(trained, reference) < 1e-12);
          CHECK(largest_difference(traced_step(start, rows, 0.3), reference) < 1e-12);
          ++combinations;
        }
  CHECK(combinations == 4 * 12 * 2 * 4);
}

TEST_CASE("a Trainer reusing its buffers over batches of changing size matches fresh steps",
          "[train]") {
  Network start = random_network({{2, 6, 3}, {tanh_activation(), softmax()}, softmax_cross_entropy(), true}, 9);
  start.set_l2({0.01, true});
  const Dataset data{standard_normal(7, 2, 10), targets_for(softmax_cross_entropy(), 7, 3, 11)};
  Network trained = start, reference = start;
  Trainer trainer(trained);
  for (const std::vector<std::size_t>& rows :
       {std::vector<std::size_t>{0, 1, 2}, {3, 4, 5}, {6}, {6, 5, 4, 3, 2, 1, 0}, {2, 2}}) {
    trainer.step(data, rows, 0.5);
    const Dataset batch = rows_of(data, rows);
    reference = testing::reference_step(reference, batch.X, batch.y, 0.5);
    CHECK(largest_difference(trained, reference) < 1e-12);
  }
}
