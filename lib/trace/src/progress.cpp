#include "bpw/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <utility>

namespace bpw {

Progress::Progress(std::size_t total_steps, std::size_t epochs)
    : total_(total_steps), epochs_(epochs), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(std::size_t done, std::size_t epoch, double cost, std::optional<double> accuracy) {
  const double elapsed = seconds();
  epoch_ = epoch;
  cost_ = cost;
  accuracy_ = accuracy;
  char right[32] = "";
  if (accuracy) std::snprintf(right, sizeof right, " · accuracy %.1f%%", 100 * *accuracy);
  const double left = done == 0 ? 0.0 : elapsed * static_cast<double>(total_ - done) / static_cast<double>(done);
  if (terminal_) {
    constexpr int width = 30;
    const int filled = static_cast<int>(width * done / (total_ ? total_ : 1));
    std::fprintf(stderr, "\r[%.*s%*s] epoch %zu/%zu · cost %.4g%s · %.0f s left  ", filled,
                 "==============================", width - filled, "", epoch, epochs_, cost, right, left);
    std::fflush(stderr);
    return;
  }
  if (done < next_line_ && done != total_) return;
  next_line_ = done + (total_ + 9) / 10;
  std::fprintf(stderr, "step %zu/%zu · epoch %zu/%zu · cost %.6g%s · %.1f s\n", done, total_, epoch,
               epochs_, cost, right, elapsed);
}

void Progress::tick(std::size_t done, std::size_t epoch) {
  if (!terminal_ || done % 16 != 0) return;
  const double now = seconds();
  if (now - last_tick_ < 0.25) return;
  last_tick_ = now;
  update(done, epoch, cost_, accuracy_);
}

void Progress::finish() {
  if (terminal_) std::fprintf(stderr, "\n");
  std::fprintf(stderr, "trained in %.2f s\n", seconds());
}

void Progress::stopped(std::size_t done) {
  if (terminal_) std::fprintf(stderr, "\n");
  std::fprintf(stderr, "stopped by Ctrl-C after step %zu of %zu (%.1f s); what it trained so far follows\n",
               done, total_, seconds());
}

WorkProgress::WorkProgress(std::size_t total, std::string what)
    : total_(total), what_(std::move(what)), terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

double WorkProgress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void WorkProgress::update(std::size_t done) {
  if (!terminal_) return;
  const double elapsed = seconds();
  if (elapsed - last_ < 0.25 && done != total_) return;
  last_ = elapsed;
  shown_ = true;
  constexpr int width = 30;
  const int filled = static_cast<int>(width * done / (total_ ? total_ : 1));
  const double left = done == 0 ? 0.0 : elapsed * static_cast<double>(total_ - done) / static_cast<double>(done);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu %s · %.0f s left  ", filled,
               "==============================", width - filled, "", done, total_, what_.c_str(), left);
  std::fflush(stderr);
}

void WorkProgress::finish() {
  if (shown_) std::fprintf(stderr, "\r\x1b[2K");
  std::fflush(stderr);
}

void WorkProgress::stopped(std::size_t done, const std::string& after) {
  if (shown_) std::fprintf(stderr, "\n");
  std::fprintf(stderr, "stopped by Ctrl-C after %zu of %zu %s (%.1f s); %s\n", done, total_,
               what_.c_str(), seconds(), after.c_str());
}

}  // namespace bpw
