#include "bpw/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace bpw {
namespace {

std::atomic<bool> requested{false};  // lock-free, so the signal handler may set it

extern "C" void on_interrupt(int) {
  requested.store(true);
  std::signal(SIGINT, SIG_DFL);  // the next Ctrl-C kills
}

}  // namespace

void request_stop() { requested.store(true); }
bool stop_requested() { return requested.load(std::memory_order_relaxed); }

CtrlC::CtrlC() { std::signal(SIGINT, on_interrupt); }
CtrlC::~CtrlC() { std::signal(SIGINT, SIG_DFL); }

}  // namespace bpw
