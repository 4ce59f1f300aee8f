// Chapter 8 · Training
//
// Chapters 1–6 took one step; training repeats it. Each step runs the forward
// pass (1.1, 1.2), the deltas (3.1, 4.2), the gradients (5.1, 5.2) and the
// update (6.1–6.4) on a batch of samples: all of them (full-batch gradient
// descent) or a few at a time in a fresh random order each epoch (mini-batch
// SGD, --batch). The Trainer runs the very functions the earlier chapters
// trace; its first step is traced in full and checked against finite
// differences. Progress goes to stderr, a summary to stdout.
#include <cmath>
#include <cstdio>
#include <optional>

#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// The traced step checked at a few weights of every layer: W after the step
// must be W before it minus η times the finite-difference gradient on the batch.
void check_step(Session& s, const Network& before, const Dataset& batch, double eta) {
  for (int l = 1; l < before.L(); ++l) {
    const Matrix& W = before.layer(l).W;
    const std::size_t count = std::min<std::size_t>(6, W.size());
    Matrix computed({1, count}), expected({1, count});
    for (std::size_t i = 0; i < count; ++i) {
      const std::size_t at = i * W.size() / count;  // spread over the whole matrix
      computed(0, i) = s.network.layer(l).W.flat(at);
      expected(0, i) = W.flat(at) - eta * numerical_derivative(before, batch, l, false, at, 1e-5);
    }
    s.trace.check(Eq::weight_update, l, computed, expected,
                  "W − η times the finite-difference gradient, at " + std::to_string(count) +
                      " weights",
                  1e-7);
  }
}

std::string percent(std::optional<double> v) {
  char text[16] = "—";
  if (v) std::snprintf(text, sizeof text, "%.1f%%", 100 * *v);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(8, "ch08_training", "Training",
                  "Repeat chapters 1–6 until the network learns: gradient descent or mini-batch SGD.");
  chapter.regularization().learning_rate().save_network().schedule(1000).moons().data_files(true).plot();
  return chapter.run(argc, argv, [](Session& s) {
    Network& net = s.network;
    Tracer& trace = s.trace;
    const Schedule& plan = s.settings.schedule;
    const double eta = s.settings.learning_rate;
    const std::size_t M = samples(s.data), every = s.settings.trace_every;
    trace.note("η = " + trace.number(eta) + ", " + std::to_string(plan.steps) + " steps of " +
               std::to_string(plan.batch) + " of the " + std::to_string(M) + " training samples (" +
               std::to_string(plan.epochs) + (plan.epochs == 1 ? " epoch)." : " epochs)."));

    History history;
    Progress progress(plan.steps, plan.epochs);
    //! [training loop]
    Trainer trainer(net);
    Batches batches(M, plan, s.settings.seed);
    for (std::size_t step = 0; step < plan.steps; ++step) {
      const auto rows = batches.rows(step);
      const bool traced_in_full = step == 0 || (every && step % every == 0);
      const std::optional<Network> before = traced_in_full ? std::optional(net) : std::nullopt;
      trainer.step(s.data, rows, eta, traced_in_full ? &trace : nullptr);  // chapters 1–6
      if (before) check_step(s, *before, rows_of(s.data, rows), eta);
      //! [training loop]

      if (!batches.ends_epoch(step)) continue;  // the end of an epoch: measure
      const std::size_t epoch = batches.epoch_of(step);
      const Evaluation train = evaluate(net, s.data);
      if (!std::isfinite(train.J))
        throw UsageError("the cost became " + std::string(std::isnan(train.J) ? "NaN" : "infinite") +
                         " in epoch " + std::to_string(epoch + 1) + ": the learning rate " +
                         trace.number(eta) + " is too large here; try --learning-rate " +
                         trace.number(eta / 10));
      history.step.push_back(static_cast<double>(s.settings.asked.iterations ? step + 1 : epoch + 1));
      history.cost.push_back(train.J);
      if (train.accuracy) history.train_accuracy.push_back(*train.accuracy);
      if (samples(s.test) > 0)
        if (const auto test = evaluate(net, s.test).accuracy) history.test_accuracy.push_back(*test);
      progress.update(step + 1, epoch + 1, train.J, train.accuracy);
    }
    progress.finish();

    const Evaluation final_train = evaluate(net, s.data);
    std::string summary = "After " + std::to_string(plan.steps) + " steps: J = " + trace.number(final_train.J);
    if (final_train.accuracy) summary += ", training accuracy " + percent(final_train.accuracy);
    if (samples(s.test) > 0) summary += ", test accuracy " + percent(evaluate(net, s.test).accuracy);
    trace.note(summary + ".");
    trace.note("J along the way: " + sparkline(history.cost));
    if (!s.settings.plot.empty()) {
      const std::string& prefix = s.settings.plot;
      write_text_file(prefix + "-curve.svg",
                      learning_curve_svg(history, "Learning curve",
                                         s.settings.asked.iterations ? "iteration" : "epoch"));
      std::string written = prefix + "-curve.svg";
      if (features(s.data) == 2) {
        write_text_file(prefix + "-boundary.svg", decision_boundary_svg(net, s.data, "Decision boundary"));
        written += " and " + prefix + "-boundary.svg";
      }
      trace.note("Wrote " + written + ".");
    }
    if (!s.settings.save_network.empty()) {
      save_network(net, s.layout, s.settings.save_network);
      trace.note("Saved the trained network to " + s.settings.save_network + "; --network " +
                 s.settings.save_network + " resumes from it.");
    }
  });
}
