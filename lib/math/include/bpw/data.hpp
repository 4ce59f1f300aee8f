// A data set: inputs X [M x n], one sample per row, and targets y [M x k].
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "bpw/matrix.hpp"

namespace bpw {

// The bytes of an image data set, kept as they were stored (Fashion-MNIST: 47 MB
// rather than 376 MB of doubles). A row becomes doubles, byte / 255, only when
// it is gathered into a batch.
using Pixels = xt::xtensor<std::uint8_t, 2>;

struct Dataset {
  Matrix X;       // [M x n]; empty when the inputs are kept as `pixels`
  Matrix y;       // [M x k]
  Pixels pixels = {};  // [M x n] bytes standing for X = pixels / 255, or empty
};

// Samples to train on, and samples held out to test on.
struct Split {
  Dataset train;
  Dataset test;
};

// M and n, whichever form the inputs take.
std::size_t samples(const Dataset& data);
std::size_t features(const Dataset& data);

// The rows `rows` of X (as doubles) and of y, into buffers that keep their
// memory from one batch to the next.
void gather(const Dataset& data, std::span<const std::size_t> rows, Matrix& X, Matrix& y);

// The rows `rows` of a data set, as a data set with X as doubles.
Dataset rows_of(const Dataset& data, std::span<const std::size_t> rows);

// X as doubles: the matrix itself, or the pixels converted into `scratch`.
const Matrix& inputs_of(const Dataset& data, Matrix& scratch);

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

// XOR's corners, each `per_corner` times with Gaussian noise of standard
// deviation `noise` on the inputs; the targets stay 0 and 1.
Dataset noisy_xor(std::size_t per_corner, double noise, std::uint64_t seed);

// Two interleaving half circles, `samples` points in all, with Gaussian noise of
// standard deviation `noise`: the upper moon is class 0, the lower class 1.
// y is one-hot, [samples x 2]; the same seed gives the same points everywhere.
Dataset two_moons(std::size_t samples, double noise, std::uint64_t seed);

}  // namespace bpw
