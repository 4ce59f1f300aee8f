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

// Cost (left axis) and accuracies (right axis, 0–100 %) against `x_label`.
std::string learning_curve_svg(const History& history, const std::string& title,
                               const std::string& x_label);

// Curves of several runs on one axis: e.g. training and test cost, λ = 0 and λ > 0.
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

// The curve in one line of block characters: "▇▆▄▃▂▂▁▁".
std::string sparkline(const std::vector<double>& values, std::size_t width = 60);

}  // namespace bpw
