#!/bin/bash
# terminal_width.sh PROGRAM CHECKER OUT: PROGRAM run on a terminal 60 columns
# wide (util-linux's script gives it one) fits it, as width_check judges against
# the same run into a file, which has no limit. 77 (skipped) without script.
set -euo pipefail
program=$1 checker=$2 out=$3
command -v script >/dev/null || { echo "script (util-linux) is not installed: skipped"; exit 77; }
mkdir -p "$(dirname "$out")"
unset COLUMNS
"$program" --preset moons --no-color </dev/null >"$out.wide.txt"
script -qec "stty cols 60 rows 40; '$program' --preset moons --no-color" /dev/null </dev/null |
  tr -d '\r' >"$out.txt"
"$checker" 60 "$out.txt" "$out.wide.txt"
