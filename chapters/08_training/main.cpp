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
    const Matrix sum = gradient_by_samples(pass, d.delta, l);
    traced(s.trace, Eq::minibatch_gradient, l, sum);
    s.trace.check(Eq::minibatch_gradient, l, sum, g.dW[l], "(5.1)'s one product on the whole batch", 1e-10);
  }
}

// Divergence: J not finite, a million times where it started, or ten times
// where it started at `window` measurements running.
class Watch {
 public:
  Watch(double J0, std::size_t window) : J0_(J0), window_(window) {}
  bool diverged(double J) {
    const bool high = J > 10 * J0_ && J > 1e-8;
    above_ = high ? above_ + 1 : 0;
    return !std::isfinite(J) || (J > 1e6 * J0_ && J > 1e-8) || above_ >= window_;
  }

 private:
  double J0_;
  std::size_t window_, above_ = 0;
};

std::size_t window_for(const Schedule& plan) { return std::clamp<std::size_t>(plan.epochs / 4, 1, 10); }

// Trains `net` as planned for `steps` steps, untraced; whether J stayed in bounds.
bool trains(Network net, const Session& s, double eta, std::size_t steps, double J0, double& J_end) {
  const Schedule& plan = s.settings.schedule;
  Trainer trainer(net);
  Batches batches(samples(s.data), plan, s.settings.seed);
  Watch watch(J0, window_for(plan));
  for (std::size_t step = 0; step < steps; ++step) {
    trainer.step(s.data, batches.rows(step), eta);
    if ((batches.ends_epoch(step) || step + 1 == steps) && watch.diverged(J_of(net, s.data))) return false;
  }
  J_end = J_of(net, s.data);
  return J_end < J0;
}

// J, or J̃ when L2 adds its penalty: the cost the steps lower.
std::string cost_symbol(const Network& net) { return net.l2().active() ? "J̃" : "J"; }

// After a divergence at step `stopped`: the largest rate of the 1-2-5 series below
// η that trains on the same batches (all the steps when that is quick, else three
// times as many as it took to diverge), as a tip.
void suggest_rate(Session& s, const Network& start, double J0, std::size_t stopped, double seconds) {
  Tracer& trace = s.trace;
  const Schedule& plan = s.settings.schedule;
  const double per_step = seconds / static_cast<double>(stopped);
  const bool whole = per_step * static_cast<double>(plan.steps) < 2.0;
  const std::size_t steps = whole ? plan.steps : std::min(plan.steps, 3 * stopped);
  const double eta = s.settings.learning_rate;
  double rate = std::pow(10.0, std::ceil(std::log10(eta)));
  for (int tries = 0; tries < 24; ++tries) {
    const double mantissa = rate / std::pow(10.0, std::floor(std::log10(rate) + 1e-9));
    rate *= mantissa > 4 ? 0.4 : 0.5;  // 10 → 5 → 2 → 1
    rate = std::round(rate / std::pow(10.0, std::floor(std::log10(rate)))) * std::pow(10.0, std::floor(std::log10(rate)));
    if (rate >= eta) continue;
    double J_end = 0;
    if (!trains(start, s, rate, steps, J0, J_end)) continue;
    const std::string which = whole ? "the same " + std::to_string(steps) + " steps train"
                                    : "the first " + std::to_string(steps) + " steps train";
    trace.tip({"With --learning-rate " + trace.number(rate) + " " + which + ": " + cost_symbol(s.network) + " falls from " + trace.number(J0) +
                   " to " + trace.number(J_end) + ".",
               trace.command_with("--learning-rate " + Tracer::exact(rate), {"--save-network", "--plot"}),
               {"exit 0", "lacks kind=check passed=false"}});
    return;
  }
  trace.note("No smaller learning rate of the form 1, 2 or 5 times a power of ten trained either.");
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
    // Epochs as the steps make them: 3 steps of 20 of 200 samples are 0.3 of one
    // (a last batch of an epoch may be smaller).
    const double epochs = std::min(static_cast<double>(plan.epochs),
                                   static_cast<double>(plan.steps * plan.batch) / static_cast<double>(M));
    trace.note("η = " + trace.number(eta) + ", " + std::to_string(plan.steps) +
               (plan.steps == 1 ? " step of " : " steps of ") + std::to_string(plan.batch) + " of the " +
               std::to_string(M) + " training samples (" + trace.number(epochs) +
               (epochs == 1 ? " epoch)." : " epochs).") + " The cost at the start:");
    const double J0 = traced(trace, Eq::training_cost, net.L(), J_of(net, s.data));
    const Network start = net;
    if (!std::isfinite(J0)) {  // no step lowers ∞, and no rate can be judged by it
      trace.verdict(Eq::training_cost, net.L(), false,
                    "is not finite at the start, before any step: training cannot lower it, and no "
                    "learning rate is judged by it (see the first value that is not finite, above)");
      return;
    }

    History history;
    Progress progress(plan.steps, plan.epochs);
    Watch watch(J0, window_for(plan));
    CtrlC ctrl_c;
    std::size_t done = 0;
    //! [training loop]
    Trainer trainer(net);
    Batches batches(M, plan, s.settings.seed);
    for (; done < plan.steps && !stop_requested(); ++done) {
      const auto rows = batches.rows(done);
      const bool traced_in_full = done == 0 || (every && done % every == 0);
      const std::optional<Network> before = traced_in_full ? std::optional(net) : std::nullopt;
      trainer.step(s.data, rows, eta, traced_in_full ? &trace : nullptr);  // chapters 1–6
      if (before) check_step(s, *before, rows_of(s.data, rows), eta);
      if (done == 0) trace_batch_sum(s, *before, rows_of(s.data, rows));
      //! [training loop]
      progress.tick(done + 1, batches.epoch_of(done) + 1);

      if (!batches.ends_epoch(done)) continue;  // the end of an epoch: measure
      const std::size_t epoch = batches.epoch_of(done);
      const Evaluation train = evaluate(net, s.data);
      history.step.push_back(static_cast<double>(s.settings.asked.iterations ? done + 1 : epoch + 1));
      history.cost.push_back(train.J);
      if (train.accuracy) history.train_accuracy.push_back(*train.accuracy);
      if (samples(s.test) > 0)
        if (const auto test = evaluate(net, s.test).accuracy) history.test_accuracy.push_back(*test);
      progress.update(done + 1, epoch + 1, train.J, train.accuracy);
      if (watch.diverged(train.J)) {
        ++done;
        trace.verdict(Eq::weight_step, 1, false,
                      "is too large a step: training stopped at step " + std::to_string(done) + ", where " + cost_symbol(net) + " had gone from " +
                          trace.number(J0) + " to " + trace.number(train.J) + "; with η = " + trace.number(eta) +
                          " the cost diverges");
        suggest_rate(s, start, J0, done, progress.seconds());
        break;
      }
    }
    if (stop_requested()) {
      progress.stopped(done);
      trace.note("Stopped by Ctrl-C after step " + std::to_string(done) + " of " + std::to_string(plan.steps) + ".");
    } else {
      progress.finish();
    }

    summarize(s, done, history);
    if (!s.settings.plot.empty()) write_plots(s, history);
    if (!s.settings.save_network.empty()) save(s);
  });
}
