// Training progress on stderr: a bar with epoch, cost, accuracy and time left
// on a terminal, a plain line every tenth of the way otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

namespace bpw {

class Progress {
 public:
  Progress(std::size_t total_steps, std::size_t epochs);
  // `accuracy` only when the targets are classes.
  void update(std::size_t steps_done, std::size_t epoch, double cost, std::optional<double> accuracy);
  // Within an epoch: on a terminal, the bar moves at most four times a second.
  void tick(std::size_t steps_done, std::size_t epoch);
  void finish();
  // Ctrl-C: one line saying where.
  void stopped(std::size_t steps_done);
  double seconds() const;

 private:
  std::size_t total_, epochs_, next_line_ = 0, epoch_ = 0;
  double cost_ = 0, last_tick_ = 0;
  std::optional<double> accuracy_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace bpw
