#!/usr/bin/env bash
# progress_nested.sh EXERCISE SOLUTION WORK: a record of passes (progress.json)
# damaged into a value nested 200,000 deep is forgotten, not dumped: checking
# an exercise that passes records the pass and exits 0 instead of overflowing
# the stack while the record is written.
set -euo pipefail
exercise=$1 solution=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
export BPW_EXERCISE_ROOT=$work
"$exercise" reset sigmoid > /dev/null
cp "$solution" "$work/chapters/01_forward_pass/exercises/sigmoid.cpp"
{ printf '{"kept": "1234", "exercises": {"tanh_derivative": {"passed": '; head -c 200000 /dev/zero | tr '\0' '['
  head -c 200000 /dev/zero | tr '\0' ']'; printf '}}}\n'; } > "$work/progress.json"
"$exercise" check sigmoid > "$work/out.txt" 2>&1 || { echo "exit status $?:"; tail -5 "$work/out.txt"; exit 1; }
grep -q '"sigmoid"' "$work/progress.json" || { echo "the pass was not recorded"; exit 1; }
grep -q '"kept"' "$work/progress.json" || { echo "the other entries were lost"; exit 1; }
[ "$(wc -c < "$work/progress.json")" -lt 1000 ] || { echo "the nested value was written back"; exit 1; }
echo "ok: $(grep -c . "$work/progress.json") lines in progress.json"
