#!/usr/bin/env bash
# exercise watch on a tree of exercise files of its own (BPW_EXERCISE_ROOT):
# an exercise that passes is recorded, and watch moves on to the next one not
# yet passed, in book order, and checks it.
set -euo pipefail
exercise=$1 solution=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
export BPW_EXERCISE_ROOT=$work

# Every exercise file at its starting text: reset writes the missing ones.
names=$("$exercise" list | grep -o '^  · missing  [0-9]*-[A-Z]  [a-z_0-9]*' | awk '{print $4}')
[ "$(wc -w <<< "$names")" -ge 15 ] || { echo "list named too few exercises: $names"; exit 1; }
for name in $names; do "$exercise" reset "$name" > /dev/null; done
cp "$solution" "$work/chapters/05_gradients/exercises/bias_gradient.cpp"

"$exercise" watch bias_gradient > "$work/out.txt" 2>&1 &
watcher=$!
trap 'kill $watcher 2> /dev/null || true' EXIT
for _ in $(seq 1800); do
  grep -q "save .*weight_update.cpp to check again" "$work/out.txt" && break
  kill -0 $watcher 2> /dev/null || break
  sleep 0.1
done
kill $watcher 2> /dev/null || true
trap - EXIT

expect() {  # the output shows each pattern, in order
  local rest
  rest=$(cat "$work/out.txt")
  for pattern in "$@"; do
    grep -q -- "$pattern" <<< "$rest" || { echo "watch did not print '$pattern' in order:"; cat "$work/out.txt"; exit 1; }
    rest=$(sed -n "/$pattern/,\$p" <<< "$rest" | tail -n +2)
  done
}
expect "Exercise 5-B  bias_gradient passes" \
       "next: Exercise 6-A  weight_update" \
       "watching .*weight_update.cpp (Exercise 6-A)" \
       "Exercise 6-A  weight_update: not yet"
"$exercise" list | grep -q "✓ pass     5-B   bias_gradient" ||
  { echo "list does not show the pass:"; "$exercise" list; exit 1; }
