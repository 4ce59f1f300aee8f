// Chapter 8 · Training
//
// Chapters 1–6 took one step; training repeats it. Each step runs the forward
// pass (1.1, 1.2), the deltas (3.1, 4.2), the gradients (5.1, 5.2) and the
// update (6.2, 6.4) on a batch of samples: all of them (full-batch gradient
// descent) or a few at a time in a fresh random order each epoch (mini-batch
// SGD, --batch). The first step is traced in full and checked against the fast
// step that does the rest; progress goes to stderr, a summary to stdout.
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>

#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// Chapters 1–6 on one batch, traced in full: the network after one step.
Network traced_step(Session& s, const Dataset& batch, double eta) {
  Network stepped = s.network;
  gradient_descent_step(stepped, backprop(s.network, batch, &s.trace), eta);
  for (int l = 1; l < stepped.L(); ++l) {
    s.trace(Eq::weight_update, l, stepped.layer(l).W);
    if (stepped.layer(l).has_bias) s.trace(Eq::bias_update, l, stepped.layer(l).b);
  }
  return stepped;
}

std::string percent(std::optional<double> v) {
  char text[16] = "—";
  if (v) std::snprintf(text, sizeof text, "%.1f%%", 100 * *v);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const ChapterInfo info{8, "ch08_training", "Training",
                         "Repeat chapters 1–6 until the network learns: gradient descent or mini-batch SGD.",
                         learning_rate_option | save_network_option | training_options};
  return run_chapter(argc, argv, info, [](Session& s) {
    Network& net = s.network;
    Tracer& trace = s.trace;
    const TrainingSettings& t = s.settings.training;
    const double eta = s.settings.learning_rate;
    const std::size_t M = s.data.X.shape(0), B = t.batch ? t.batch : M;
    const std::size_t per_epoch = (M + B - 1) / B;
    const std::size_t steps = t.iterations ? t.iterations : t.epochs * per_epoch;
    const std::size_t epochs = (steps + per_epoch - 1) / per_epoch;
    trace.note("η = " + trace.number(eta) + ", " + std::to_string(steps) + " steps of " +
               std::to_string(B) + " of the " + std::to_string(M) + " training samples (" +
               std::to_string(epochs) + (epochs == 1 ? " epoch)." : " epochs)."));

    History history;
    Progress progress(steps, epochs);
    //! [training loop]
    Trainer trainer(net);
    std::vector<std::size_t> order;
    for (std::size_t step = 0; step < steps; ++step) {
      const std::size_t epoch = step / per_epoch, first = (step % per_epoch) * B;
      if (first == 0) {  // a new order every epoch; a full batch keeps the samples as given
        order.resize(M);
        std::iota(order.begin(), order.end(), std::size_t{0});
        if (B < M) order = shuffled(M, epoch_seed(s.settings.seed, epoch));
      }
      const auto batch = std::span<const std::size_t>(order).subspan(first, std::min(B, M - first));

      const bool traced = step == 0 || (t.trace_every && step % t.trace_every == 0);
      std::optional<Network> expected;
      if (traced) expected = traced_step(s, rows_of(s.data, batch), eta);
      trainer.step(s.data, batch, eta);  // the same step, fast and untraced
      if (expected)
        for (int l = 1; l < net.L(); ++l)
          trace.check(Eq::weight_update, l, net.layer(l).W, expected->layer(l).W,
                      "the traced step above", 1e-12);
      //! [training loop]

      if (first + B < M && step + 1 < steps) continue;  // the end of an epoch: measure
      const Evaluation train = evaluate(net, s.data);
      if (!std::isfinite(train.cost))
        throw UsageError("the cost became " + std::string(std::isnan(train.cost) ? "NaN" : "infinite") +
                         " in epoch " + std::to_string(epoch + 1) + ": the learning rate " +
                         trace.number(eta) + " is too large here; try --learning-rate " +
                         trace.number(eta / 10));
      history.step.push_back(static_cast<double>(t.iterations ? step + 1 : epoch + 1));
      history.cost.push_back(train.cost);
      if (train.accuracy) history.train_accuracy.push_back(*train.accuracy);
      if (s.test.X.size() > 0)
        if (const auto test = evaluate(net, s.test).accuracy) history.test_accuracy.push_back(*test);
      progress.update(step + 1, epoch + 1, train.cost, train.accuracy);
    }
    progress.finish();

    const Evaluation final_train = evaluate(net, s.data);
    std::string summary = "After " + std::to_string(steps) + " steps: J = " + trace.number(final_train.cost);
    if (final_train.accuracy) summary += ", training accuracy " + percent(final_train.accuracy);
    if (s.test.X.size() > 0) summary += ", test accuracy " + percent(evaluate(net, s.test).accuracy);
    trace.note(summary + ".");
    trace.note("J along the way: " + sparkline(history.cost));
    if (!t.plot.empty()) {
      write_text_file(t.plot + "-curve.svg", learning_curve_svg(history, "Learning curve",
                                                                t.iterations ? "iteration" : "epoch"));
      std::string written = t.plot + "-curve.svg";
      if (s.data.X.shape(1) == 2) {
        write_text_file(t.plot + "-boundary.svg", decision_boundary_svg(net, s.data, "Decision boundary"));
        written += " and " + t.plot + "-boundary.svg";
      }
      trace.note("Wrote " + written + ".");
    }
    if (!s.settings.save_network.empty()) {
      save_network(net, s.settings.save_network);
      trace.note("Saved the trained network to " + s.settings.save_network + "; --network " +
                 s.settings.save_network + " resumes from it.");
    }
  });
}
