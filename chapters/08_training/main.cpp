// Chapter 8 · Training
//
// Chapters 1–6 took one step; training repeats it. Each step runs the forward
// pass (1.1, 1.2), the deltas (3.1, 4.2), the gradients (5.1, 5.2) and the
// update (6.1–6.4) on a batch of samples: all of them (full-batch gradient
// descent) or a few at a time in a fresh random order each epoch (mini-batch
// SGD, --batch). The Trainer runs the very functions the earlier chapters
// trace; its first step is traced in full, its batch gradient shown to be the
// sum of each sample's (8.1), and checked against finite differences. Progress
// goes to stderr; J and the accuracy (8.2) at the end to stdout. A run whose J
// blows up stops, and names a learning rate it has tried and seen train.
#include <cmath>
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
                  "W − η times the finite-difference gradient, at " + std::to_string(count) + " weights",
                  1e-7);
  }
}

// (8.1) on the traced batch: each sample's gradient, summed, is the batch's (5.1).
void trace_batch_sum(Session& s, const Network& before, const Dataset& batch) {
  const ForwardPass pass = forward(before, batch.X);
  const Deltas d = deltas(before, pass, batch.y);
  const Gradients g = gradients(before, pass, d.delta);
  s.trace.note("The batch's gradient is the sum of its " + std::to_string(samples(batch)) +
               " samples' own, (a⁽ˡ⁾ₘ)ᵀ δ⁽ˡ⁺¹⁾ₘ added one sample at a time:");
  for (int l = before.L() - 1; l >= 1; --l) {
    const Matrix sum = traced(s.trace, Eq::minibatch_gradient, l, gradient_by_samples(pass, d.delta, l));
    s.trace.check(Eq::minibatch_gradient, l, sum, g.dW[l], "(5.1)'s one product on the whole batch", 1e-10);
  }
}

// J, or J̃ when L2 adds its penalty: the cost the steps lower.
std::string cost_symbol(const Network& net) { return net.l2().active() ? "J̃" : "J"; }

// After a divergence at step `stopped`, where J had reached J: the verdict, and
// as a tip the largest rate of the 1-2-5 series below η that trains on the same
// batches (all the steps when that is quick, else three times as many as it took
// to diverge).
void report_divergence(Session& s, const Network& start, double J0, double J, std::size_t stopped,
                       double seconds) {
  Tracer& trace = s.trace;
  const Schedule& plan = s.settings.schedule;
  const double eta = s.settings.learning_rate;
  trace.verdict(Eq::weight_step, 1, false,
                "is too large a step: training stopped at step " + std::to_string(stopped) + ", where " +
                    cost_symbol(s.network) + " had gone from " + trace.number(J0) + " to " + trace.number(J) +
                    "; with η = " + trace.number(eta) + " the cost diverges");
  const double per_step = seconds / static_cast<double>(stopped);
  const bool whole = per_step * static_cast<double>(plan.steps) < 2.0;
  const std::size_t steps = whole ? plan.steps : std::min(plan.steps, 3 * stopped);
  const auto found = rate_that_trains(start, s.data, plan, s.settings.seed, eta, steps, J0);
  if (!found) {
    trace.note("No smaller learning rate of the form 1, 2 or 5 times a power of ten trained either.");
    return;
  }
  trace.tip({"With --learning-rate " + trace.number(found->rate) + (whole ? " the same " : " the first ") +
                 std::to_string(steps) + " steps train: " + cost_symbol(s.network) + " falls from " +
                 trace.number(J0) + " to " + trace.number(found->J_end) + ".",
             trace.command_with("--learning-rate " + Tracer::exact(found->rate), {"--save-network", "--plot"}),
             {"exit 0", "lacks kind=check passed=false"}});
}

// J, and with classes (8.2) the accuracy, at the end.
void summarize(Session& s, std::size_t steps, const History& history) {
  Tracer& trace = s.trace;
  const int L = s.network.L();
  trace.note("After " + std::to_string(steps) + (steps == 1 ? " step" : " steps") + ", on the training data:");
  traced(trace, Eq::training_cost, L, J_of(s.network, s.data));
  if (has_classes(s.data)) traced(trace, Eq::accuracy, L, accuracy(s.network, s.data));
  if (samples(s.test) > 0 && has_classes(s.test)) {
    trace.note("and on the held-out test data, never trained on:");
    traced(trace, Eq::accuracy, L, accuracy(s.network, s.test));
  }
  if (!history.cost.empty()) trace.note("J along the way: " + sparkline(history.cost));
}

void write_plots(Session& s, const History& history) {
  const std::string& prefix = s.settings.plot;
  write_text_file(prefix + "-curve.svg",
                  learning_curve_svg(history, "Learning curve", s.settings.asked.iterations ? "iteration" : "epoch"));
  std::string written = prefix + "-curve.svg";
  if (features(s.data) == 2) {
    write_text_file(prefix + "-boundary.svg", decision_boundary_svg(s.network, s.data, "Decision boundary"));
    written += " and " + prefix + "-boundary.svg";
  }
  s.trace.note("Wrote " + written + ".");
}

void save(Session& s) {
  const std::string& file = s.settings.save_network;
  save_network(s.network, s.layout, file);
  const double J = J_of(s.network, s.data);
  const std::string eta = Tracer::exact(s.settings.learning_rate);
  s.trace.tip({"Saved the trained network to " + file + "; --network " + file + " --learning-rate " +
                   s.trace.number(s.settings.learning_rate) + " resumes from it.",
               s.trace.command_with("--network " + file + " --learning-rate " + eta,
                                    {"--save-network", "--seed", "--class", "--plot", "--hidden"}),
               {"exit 0", "near id=training_cost " + Tracer::exact(J) + " " + Tracer::exact(1e-9 * std::max(1.0, J))}});
}

// η, the schedule and J before any step; none, after saying why, when J is not
// finite: no step lowers ∞, and no rate can be judged by it.
std::optional<double> starting_cost(Session& s) {
  Tracer& trace = s.trace;
  const Schedule& plan = s.settings.schedule;
  const std::size_t M = samples(s.data);
  // Epochs as the steps make them: 3 steps of 20 of 200 samples are 0.3 of one
  // (a last batch of an epoch may be smaller).
  const double epochs = std::min(static_cast<double>(plan.epochs),
                                 static_cast<double>(plan.steps * plan.batch) / static_cast<double>(M));
  trace.note("η = " + trace.number(s.settings.learning_rate) + ", " + std::to_string(plan.steps) +
             (plan.steps == 1 ? " step of " : " steps of ") + std::to_string(plan.batch) + " of the " +
             std::to_string(M) + " training samples (" + trace.number(epochs) +
             (epochs == 1 ? " epoch)." : " epochs).") + " The cost at the start:");
  const double J0 = traced(trace, Eq::training_cost, s.network.L(), J_of(s.network, s.data));
  if (std::isfinite(J0)) return J0;
  trace.verdict(Eq::training_cost, s.network.L(), false,
                "is not finite at the start, before any step: training cannot lower it, and no "
                "learning rate is judged by it (see the first value that is not finite, above)");
  return std::nullopt;
}

// J and the accuracies at the end of an epoch, into the history and the
// progress line; J is returned.
double measure(Session& s, std::size_t done, std::size_t epoch, History& history, Progress& progress) {
  const Evaluation train = evaluate(s.network, s.data);
  history.step.push_back(static_cast<double>(s.settings.asked.iterations ? done + 1 : epoch + 1));
  history.cost.push_back(train.J);
  if (train.accuracy) history.train_accuracy.push_back(*train.accuracy);
  if (samples(s.test) > 0)
    if (const auto test = evaluate(s.network, s.test).accuracy) history.test_accuracy.push_back(*test);
  progress.update(done + 1, epoch + 1, train.J, train.accuracy);
  return train.J;
}

// The planned steps, the first (and every --trace-every) traced in full and
// checked, J measured at the end of each epoch; a divergence or Ctrl-C stops
// them. Returns the steps taken.
std::size_t train(Session& s, double J0, History& history) {
  Network& net = s.network;
  const Network start = net;
  const Schedule& plan = s.settings.schedule;
  const double eta = s.settings.learning_rate;
  const std::size_t every = s.settings.trace_every;
  Progress progress(plan.steps, plan.epochs);
  DivergenceWatch watch(J0, divergence_window(plan));
  CtrlC ctrl_c;
  std::size_t done = 0;
  //! [training loop]
  Trainer trainer(net);
  Batches batches(samples(s.data), plan, s.settings.seed);
  for (; done < plan.steps && !stop_requested(); ++done) {
    const auto rows = batches.rows(done);
    const bool traced_in_full = done == 0 || (every && done % every == 0);
    const std::optional<Network> before = traced_in_full ? std::optional(net) : std::nullopt;
    trainer.step(s.data, rows, eta, traced_in_full ? &s.trace : nullptr);  // chapters 1–6
    if (before) check_step(s, *before, rows_of(s.data, rows), eta);
    if (done == 0) trace_batch_sum(s, *before, rows_of(s.data, rows));
    //! [training loop]
    progress.tick(done + 1, batches.epoch_of(done) + 1);
    if (!batches.ends_epoch(done)) continue;  // the end of an epoch: measure
    const double J = measure(s, done, batches.epoch_of(done), history, progress);
    if (watch.diverged(J)) {
      report_divergence(s, start, J0, J, ++done, progress.seconds());
      break;
    }
  }
  if (stop_requested()) {
    progress.stopped(done);
    s.trace.note("Stopped by Ctrl-C after step " + std::to_string(done) + " of " +
                 std::to_string(plan.steps) + ".");
  } else {
    progress.finish();
  }
  return done;
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(8, "ch08_training", "Training",
                  "Repeat chapters 1–6 until the network learns: gradient descent or mini-batch SGD.");
  chapter.regularization().learning_rate().save_network().schedule(1000).moons().data_files(true).plot({"-curve.svg"}, " (and PREFIX-boundary.svg for 2-D data)");
  return chapter.run(argc, argv, [](Session& s) {
    const std::optional<double> J0 = starting_cost(s);
    if (!J0) return;
    History history;
    const std::size_t done = train(s, *J0, history);
    summarize(s, done, history);
    if (!s.settings.plot.empty()) write_plots(s, history);
    if (!s.settings.save_network.empty()) save(s);
  });
}
