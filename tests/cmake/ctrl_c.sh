#!/usr/bin/env bash
# ctrl_c.sh WORKDIR PROGRAM ARGS...: PROGRAM on a CSV large enough to run for
# minutes (400 samples, 30 inputs, 300 hidden units: 9,601 weights), sent
# SIGINT (Ctrl-C) once it is at work: a second after it starts catching SIGINT
# (its CtrlC guard around the long loop, seen in /proc/PID/status), so that a
# machine slowed by other tests does not send it before the loop. It must stop
# cleanly: exit status 130, one line on stderr saying where it stopped, no crash
# and no raw exception.
set -uo pipefail
work=$1 program=$2
shift 2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
awk 'BEGIN { srand(3); for (i = 1; i <= 30; i++) printf "x%d,", i; print "y";
             for (r = 0; r < 400; r++) { s = 0; for (i = 1; i <= 30; i++) { v = rand(); s += v; printf "%.4f,", v }
                                         printf "%.4f\n", s / 30 } }' > big.csv
set -m  # job control: a job in the background keeps SIGINT's default, as at a terminal
"$program" --csv big.csv --hidden 300 "$@" > out 2> err &
pid=$!
for ((tenths = 0; tenths < 600; tenths++)); do
  caught=$(awk '/^SigCgt:/ { print $2 }' "/proc/$pid/status" 2> /dev/null)
  [ -n "$caught" ] && (( 0x$caught & 2 )) && break  # mask bit 1 (value 2): signal 2, SIGINT
  sleep 0.1
done
sleep 1
kill -INT "$pid"
wait "$pid"
rc=$?
if [ "$rc" -ne 130 ]; then echo "exit status $rc, expected 130; stderr:"; cat err; exit 1; fi
if [ "$(grep -c . err)" -ne 1 ]; then echo "expected one line on stderr, got:"; cat err; exit 1; fi
if ! grep -Eq '^stopped by Ctrl-C after [0-9]+ of [0-9]+ ' err; then echo "stderr does not say where it stopped:"; cat err; exit 1; fi
if grep -Eq 'terminate called|what\(\)|Aborted|core dumped|internal error' out err; then
  echo "a crash or raw exception:"; cat err; exit 1
fi
echo "ok: $(cat err)"
