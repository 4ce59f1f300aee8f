// Pictures of training: SVG files a browser and the book can show, and a
// compact learning curve for the terminal.
#pragma once

#include <string>
#include <vector>

#include "bpw/data.hpp"

namespace bpw {

class Network;

// What training measured, once per epoch (or per logged step).
struct History {
  std::vector<double> step;  // x: epoch or iteration
  std::vector<double> cost;
  std::vector<double> train_accuracy;
  std::vector<double> test_accuracy;  // empty without a test set
};

// Cost (left axis) and accuracies (right axis, 0–100 %) against `x_label`. The
// ticks are round (1-2-5 steps, or powers of ten), the axis titles clear of the
// tick labels, and the legend below the plot, off the data.
std::string learning_curve_svg(const History& history, const std::string& title,
                               const std::string& x_label);

// Curves of several runs on one axis: e.g. training and test cost, λ = 0 and λ > 0.
// A curve that ends before the others (a run that stopped early) ends in a dot,
// and its legend entry says where it stopped. Values spanning two orders of
// magnitude or more are drawn on a log scale, in both plots.
struct Curve {
  std::string label;
  std::vector<double> x, y;
  std::string color;
  bool dashed = false;
};
std::string curves_svg(const std::vector<Curve>& curves, const std::string& title,
                       const std::string& x_label, const std::string& y_label);

// For two inputs: the plane shaded by the network's predicted class, with the
// training points on top, coloured by their class.
std::string decision_boundary_svg(const Network& network, const Dataset& data,
                                  const std::string& title);

// Tick values for an axis from low to high: multiples of one step of 1, 2 or 5
// times a power of ten, at most about `most` of them, the first at or below low
// and the last at or above high. round_ticks(0.0014, 0.0021, 6) is 0.0014,
// 0.0016, …, 0.0022 (steps of 2e-4).
std::vector<double> round_ticks(double low, double high, int most = 6);
// A tick value with as many decimals as its step needs: 0.0016 for a step of 2e-4.
std::string tick_label(double value, double step);

// The curve in one line of block characters: "▇▆▄▃▂▂▁▁".
std::string sparkline(const std::vector<double>& values, std::size_t width = 60);

}  // namespace bpw
