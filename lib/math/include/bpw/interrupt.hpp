// Stopping long work cleanly. While a CtrlC guard lives, Ctrl-C does not kill the
// program: it asks for a stop, and the loops that can run for long (training,
// the gradient check, L-BFGS) look at the request between steps and end at the
// next one, leaving what they hold whole, so that the program can say where it
// stopped. A second Ctrl-C kills the program as usual.
#pragma once

namespace bpw {

void request_stop();
bool stop_requested();

class CtrlC {
 public:
  CtrlC();
  ~CtrlC();
  CtrlC(const CtrlC&) = delete;
  CtrlC& operator=(const CtrlC&) = delete;
};

}  // namespace bpw
