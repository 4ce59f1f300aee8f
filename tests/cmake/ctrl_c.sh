#!/usr/bin/env bash
# ctrl_c.sh WORKDIR PROGRAM ARGS...: PROGRAM on a CSV large enough to run for
# minutes (400 samples, 30 inputs, 300 hidden units: 9,601 weights), sent
# SIGINT (Ctrl-C) after a few seconds. It must stop cleanly: exit status 130,
# one line on stderr saying where it stopped, no crash and no raw exception.
set -uo pipefail
work=$1 program=$2
shift 2
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
awk 'BEGIN { srand(3); for (i = 1; i <= 30; i++) printf "x%d,", i; print "y";
             for (r = 0; r < 400; r++) { s = 0; for (i = 1; i <= 30; i++) { v = rand(); s += v; printf "%.4f,", v }
                                         printf "%.4f\n", s / 30 } }' > big.csv
timeout --preserve-status -s INT 5 "$program" --csv big.csv --hidden 300 "$@" > out 2> err
rc=$?
if [ "$rc" -ne 130 ]; then echo "exit status $rc, expected 130; stderr:"; cat err; exit 1; fi
if [ "$(grep -c . err)" -ne 1 ]; then echo "expected one line on stderr, got:"; cat err; exit 1; fi
if ! grep -Eq '^stopped by Ctrl-C after [0-9]+ of [0-9]+ ' err; then echo "stderr does not say where it stopped:"; cat err; exit 1; fi
if grep -Eq 'terminate called|what\(\)|Aborted|core dumped|internal error' out err; then
  echo "a crash or raw exception:"; cat err; exit 1
fi
echo "ok: $(cat err)"
