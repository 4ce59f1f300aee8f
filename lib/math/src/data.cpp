#include "bpw/data.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <vector>
#include <string>

#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>

#include "bpw/network.hpp"

namespace bpw {
Dataset sleep_study() {
  const Matrix hours = {{3, 5}, {5, 1}, {10, 2}};  // hours of sleep, hours of study
  const Matrix score = {{75}, {82}, {93}};         // test score out of 100
  const Matrix column_max = xt::amax(hours, {0}, xt::keep_dims | xt::evaluation_strategy::immediate);
  return {hours / column_max, score / 100.0};
}

Split sleep_study_extended() {
  const Matrix hours = {{3, 5}, {5, 1}, {10, 2}, {6, 1.5}};
  const Matrix held_out = {{4, 5.5}, {4.5, 1}, {9, 2.5}, {6, 2}};
  const Matrix column_max = xt::amax(hours, {0}, xt::keep_dims | xt::evaluation_strategy::immediate);
  return {{hours / column_max, Matrix{{75}, {82}, {93}, {70}} / 100.0},
          {held_out / column_max, Matrix{{70}, {89}, {85}, {75}} / 100.0}};
}

Dataset xor_data() {
  return {Matrix{{0, 0}, {0, 1}, {1, 0}, {1, 1}}, Matrix{{0}, {1}, {1}, {0}}};
}

Dataset noisy_xor(std::size_t per_corner, double noise, std::uint64_t seed) {
  const Dataset corners = xor_data();
  const std::size_t M = 4 * per_corner;
  const Matrix jitter = standard_normal(M, 2, seed);
  Dataset d{Matrix({M, std::size_t{2}}), Matrix({M, std::size_t{1}}), {}};
  for (std::size_t m = 0; m < M; ++m) {
    const std::size_t corner = m % 4;
    d.X(m, 0) = corners.X(corner, 0) + noise * jitter(m, 0);
    d.X(m, 1) = corners.X(corner, 1) + noise * jitter(m, 1);
    d.y(m, 0) = corners.y(corner, 0);
  }
  return d;
}

Dataset two_moons(std::size_t samples, double noise, std::uint64_t seed) {
  const std::size_t upper = samples - samples / 2;
  const Matrix jitter = standard_normal(samples, 2, seed);
  Dataset d{Matrix({samples, std::size_t{2}}), xt::zeros<double>({samples, std::size_t{2}})};
  for (std::size_t m = 0; m < samples; ++m) {
    const bool lower = m >= upper;
    const std::size_t i = lower ? m - upper : m;
    const std::size_t n = lower ? samples - upper : upper;
    const double t = n > 1 ? std::numbers::pi * static_cast<double>(i) / static_cast<double>(n - 1) : 0.0;
    // upper moon: (cos t, sin t); lower moon: (1 − cos t, ½ − sin t)
    d.X(m, 0) = (lower ? 1.0 - std::cos(t) : std::cos(t)) + noise * jitter(m, 0);
    d.X(m, 1) = (lower ? 0.5 - std::sin(t) : std::sin(t)) + noise * jitter(m, 1);
    d.y(m, lower ? 1 : 0) = 1.0;
  }
  return d;
}

std::size_t samples(const Dataset& data) {
  return data.pixels.size() ? data.pixels.shape(0) : data.X.shape(0);
}

std::size_t features(const Dataset& data) {
  return data.pixels.size() ? data.pixels.shape(1) : data.X.shape(1);
}

namespace {

// Bytes 0 … 255 as the numbers 0 … 1, the way an image becomes X. One clone
// of the loop for processors with AVX2, which converts and divides four at a time.
[[gnu::target_clones("avx2", "default")]] void unit_interval(const std::uint8_t* from, double* to,
                                                             std::size_t n) {
  for (std::size_t c = 0; c < n; ++c) to[c] = static_cast<double>(from[c]) / 255.0;
}

}  // namespace

void gather(const Dataset& data, std::span<const std::size_t> rows, Matrix& X, Matrix& y) {
  const std::size_t n = features(data), k = data.y.shape(1);
  fit(X, rows.size(), n);
  fit(y, rows.size(), k);
  // The rows of a shuffled batch lie anywhere in the 47 MB of images and the
  // 4.8 MB of targets: asking for the row a few ahead while copying this one
  // keeps the loop from waiting on memory one row at a time (a third of its time).
  constexpr std::size_t ahead = 4, line = 64;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i + ahead < rows.size()) {
      const std::size_t next = rows[i + ahead];
      if (data.pixels.size())
        for (std::size_t c = 0; c < n; c += line) __builtin_prefetch(data.pixels.data() + next * n + c);
      __builtin_prefetch(data.y.data() + next * k);
    }
    double* to = X.data() + i * n;
    if (data.pixels.size()) {
      const std::uint8_t* from = data.pixels.data() + rows[i] * n;
      unit_interval(from, to, n);
    } else {
      std::copy_n(data.X.data() + rows[i] * n, n, to);
    }
    std::copy_n(data.y.data() + rows[i] * k, k, y.data() + i * k);
  }
}

Dataset rows_of(const Dataset& data, std::span<const std::size_t> rows) {
  Dataset out;
  gather(data, rows, out.X, out.y);
  return out;
}

const Matrix& inputs_of(const Dataset& data, Matrix& scratch) {
  if (!data.pixels.size()) return data.X;
  std::vector<std::size_t> all(samples(data));
  std::iota(all.begin(), all.end(), std::size_t{0});
  Matrix ignored;
  gather(data, all, scratch, ignored);
  return scratch;
}

}  // namespace bpw
