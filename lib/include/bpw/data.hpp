// A data set: X [M x n], one sample per row, and targets y [M x k].
#pragma once

#include <cstdint>

#include "bpw/matrix.hpp"

namespace bpw {

class Network;

struct Dataset {
  Matrix X;
  Matrix y;
};

// Samples to train on, and samples held out to test on.
struct Split {
  Dataset train;
  Dataset test;
};

// Hours of sleep and of study → test score, three students:
// X = [[3,5],[5,1],[10,2]] divided by its column maxima, y = [75,82,93] / 100.
Dataset sleep_study();

// The sleep-study example grown for chapter 10: four students to train on,
// X = [[3,5],[5,1],[10,2],[6,1.5]], y = [75,82,93,70], and four held out,
// X = [[4,5.5],[4.5,1],[9,2.5],[6,2]], y = [70,89,85,75]; both scaled by the
// training set's column maxima, the scores by 1/100.
Split sleep_study_extended();

// The four points of XOR: y = 1 when exactly one input is 1.
Dataset xor_data();

// Two interleaving half circles, `samples` points in all, with Gaussian noise of
// standard deviation `noise`: the upper moon is class 0, the lower class 1.
// y is one-hot, [samples x 2]; the same seed gives the same points everywhere.
Dataset two_moons(std::size_t samples, double noise, std::uint64_t seed);

// The data made ready for the network: checked against its shapes and its
// cost's targets, with class indices 0 … k−1 turned into one-hot rows for the
// softmax cross-entropy. Throws ShapeError naming the equation that would fail,
// e.g. "(1.1) z⁽²⁾ = X W⁽¹⁾: X is 3×4 but W⁽¹⁾ is 2×3; …", and UsageError for NaN
// or targets the cost cannot take.
Dataset fit_data(const Network& network, Dataset data);

}  // namespace bpw
