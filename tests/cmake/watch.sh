#!/usr/bin/env bash
# exercise watch on a file of its own: it reports the starting text as not yet,
# then, once the solution is saved over it, checks again, passes and exits 0.
set -euo pipefail
exercise=$1 name=$2 solution=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
file=$work/$name.cpp
"$exercise" start "$name" --output "$file"
"$exercise" watch "$name" --file "$file" > "$work/out.txt" 2>&1 &
watcher=$!
trap 'kill $watcher 2> /dev/null || true' EXIT

wait_for() {  # wait_for PATTERN: up to 3 minutes (it builds the exercise)
  for _ in $(seq 1800); do
    grep -q "$1" "$work/out.txt" && return 0
    kill -0 $watcher 2> /dev/null || break
    sleep 0.1
  done
  echo "watch never printed '$1'; it printed:"; cat "$work/out.txt"; exit 1
}
wait_for "not yet"
wait_for "save .* to check again"
sleep 1.1  # a new modification time even on coarse-grained file systems
cp "$solution" "$file"
wait_for "passes"
wait $watcher || { echo "watch exited with status $?"; cat "$work/out.txt"; exit 1; }
trap - EXIT
grep -c "watching" "$work/out.txt" | grep -qx 2 || { echo "expected two checks:"; cat "$work/out.txt"; exit 1; }
