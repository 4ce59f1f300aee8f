// Chapter 10 · Overfitting
//
// A network with nine weights and four students to learn from can fit those
// four exactly, noise and all, and then predict new students worse. The test
// cost (10.1), the same J on students left out of training, shows it: while
// training cost keeps falling, test cost turns and rises. L2 regularisation
// (2.8, 5.4) charges for large weights and keeps the fit smooth. The chapter
// trains the sleep-study network with L-BFGS twice, λ = 0 and λ > 0 (--lambda,
// default 1e-4 in the J/M form), and tables training and test cost per iteration.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <bpw/bpw.hpp>

using namespace bpw;

namespace {

// J per sample, without the penalty: the number that compares train and test.
double data_cost(const Network& net, const Dataset& d) {
  Network plain = net;
  plain.set_l2({});
  return J_of(plain, d) / static_cast<double>(samples(d));
}

struct Run {
  std::vector<double> train, test;
};

Run train_with(Network net, const Split& data, L2 l2, int iterations) {
  net.set_l2(l2);
  Run run;
  //! [train and test]
  minimize_lbfgs(net, data.train, iterations, 1e-12, [&](const Network& now, const Iteration&) {
    run.train.push_back(data_cost(now, data.train));
    run.test.push_back(data_cost(now, data.test));  // (10.1) the same J on unseen students
  });
  //! [train and test]
  return run;
}

// The data both runs see, and false (after saying why) when J is not finite
// at the starting weights.
bool show_data(Session& s, const Split& data) {
  Tracer& trace = s.trace;
  traced(trace, Eq::X, 1, data.train.X);
  traced(trace, Eq::y, s.network.L(), data.train.y);
  trace.note("Held out for testing, never trained on:");
  traced(trace, Eq::X, 1, data.test.X);
  traced(trace, Eq::y, s.network.L(), data.test.y);
  const double J0 = J_of(s.network, data.train);
  if (std::isfinite(J0)) return true;
  traced(trace, Eq::training_cost, s.network.L(), J0);  // named above, with a likely cause
  trace.verdict(Eq::test_cost, s.network.L(), false,
                "not drawn: J is not finite at the starting weights, so L-BFGS cannot train and "
                "no training or test cost can be compared");
  return false;
}

// Iterations 1–10, then every tenth, of both runs side by side (10.1); a run
// that stopped early keeps its last value, and the notes say so.
void compare(Session& s, const Run& plain, const Run& regular, const std::string& with) {
  Tracer& trace = s.trace;
  const std::size_t rows = std::max(plain.train.size(), regular.train.size());
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < rows; ++i)
    if (i < 10 || (i + 1) % 10 == 0 || i + 1 == rows) shown.push_back(i);
  Table table({"train, λ = 0", "test, λ = 0", "train, " + with, "test, " + with});
  const auto at = [](const std::vector<double>& v, std::size_t i) { return v.empty() ? NAN : v[std::min(i, v.size() - 1)]; };
  for (std::size_t i : shown)
    table.row("iteration " + std::to_string(i + 1),
              {at(plain.train, i), at(plain.test, i), at(regular.train, i), at(regular.test, i)});
  trace.table(Eq::test_cost, s.network.L(), table);

  const auto lowest = [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); };
  for (const auto& [run, label] : {std::pair{&plain, std::string("λ = 0")}, std::pair{&regular, with}})
    if (run->train.size() < rows)
      trace.note("L-BFGS stopped after " + std::to_string(run->train.size()) + " iterations with " +
                 label + ": the gradient fell below the tolerance, so the table repeats its last "
                 "values from then on.");
  trace.note("Without regularisation the training cost ends at " + trace.number(plain.train.back()) +
             " and the test cost at " + trace.number(plain.test.back()) + " (its lowest was " +
             trace.number(lowest(plain.test)) + "); with " + with + ", " + trace.number(regular.train.back()) +
             " and " + trace.number(regular.test.back()) + ".");
}

// --plot PREFIX: both runs' curves in PREFIX-overfitting.svg.
void plot(Session& s, const Run& plain, const Run& regular, const std::string& with) {
  const std::size_t rows = std::max(plain.train.size(), regular.train.size());
  std::vector<double> x(rows);
  for (std::size_t i = 0; i < rows; ++i) x[i] = static_cast<double>(i + 1);
  const auto cut = [&](const std::vector<double>& v) { return std::vector<double>(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(v.size())); };
  write_text_file(s.settings.plot + "-overfitting.svg",
                  curves_svg({{"train, λ = 0", cut(plain.train), plain.train, "#1f77b4"},
                              {"test, λ = 0", cut(plain.test), plain.test, "#1f77b4", true},
                              {"train, " + with, cut(regular.train), regular.train, "#d62728"},
                              {"test, " + with, cut(regular.test), regular.test, "#d62728", true}},
                             "Training and test cost", "L-BFGS iteration", "J per sample"));
  s.trace.note("Wrote " + s.settings.plot + "-overfitting.svg.");
}

}  // namespace

int main(int argc, char** argv) {
  Chapter chapter(10, "ch10_overfitting", "Overfitting",
                  "Training and test cost with and without L2 regularisation.");
  chapter.regularization(true).iterations(200).held_out().data_files(false).plot({"-overfitting.svg"});
  return chapter.run(argc, argv, [](Session& s) {
    if (samples(s.test) == 0)
      throw UsageError("chapter 10 compares the cost on training and on held-out samples; hold "
                       "some of the data out with --test-fraction, such as 0.3");
    const Split data{s.data, s.test};
    const double lambda = s.network.l2().lambda > 0 ? s.network.l2().lambda : 1e-4;
    const int iterations = static_cast<int>(s.settings.asked.iterations);
    if (!show_data(s, data)) return;
    const Run plain = train_with(s.network, data, {0.0, true}, iterations);
    const Run regular = train_with(s.network, data, {lambda, true}, iterations);
    const std::string with = "λ = " + s.trace.number(lambda);
    compare(s, plain, regular, with);
    if (!s.settings.plot.empty()) plot(s, plain, regular, with);
  });
}
