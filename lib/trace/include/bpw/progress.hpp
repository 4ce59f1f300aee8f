// Training progress on stderr: a bar with epoch, cost, accuracy and time left
// on a terminal, a plain line every tenth of the way otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

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

// Progress of work counted in units, such as the weights a gradient check
// nudges or the iterations of L-BFGS, on stderr: on a terminal a bar with the
// count and the time left, at most four times a second; elsewhere nothing but
// the line of a stop.
class WorkProgress {
 public:
  // `what` names the units as the line reads: "weights nudged".
  WorkProgress(std::size_t total, std::string what);
  void update(std::size_t done);
  // Clears the bar.
  void finish();
  // Ctrl-C: one line saying where, then `after` ("no verdict is drawn").
  void stopped(std::size_t done, const std::string& after);
  double seconds() const;

 private:
  std::size_t total_;
  std::string what_;
  double last_ = -1;
  bool terminal_, shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace bpw
