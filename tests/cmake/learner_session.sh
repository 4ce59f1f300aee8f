#!/usr/bin/env bash
# A learner in a fresh tree of exercise files (BPW_EXERCISE_ROOT), then an
# instructor: hints one at a time and remembered; a failing check that shows
# the hints so far and reruns one case alone; the solution refused before a
# pass and shown after it; the hand-in line; a second student's line; the
# class table; and a line edited by hand, refused in one line with status 2.
set -euo pipefail
exercise=$1 solution=$2 work=$3
rm -rf "$work" && mkdir -p "$work/ada" "$work/grace" "$work/reports"
export BPW_EXERCISE_ROOT=$work/ada
file=$work/ada/chapters/01_forward_pass/exercises/sigmoid.cpp

fail() { echo "$1"; shift; printf '%s\n' "$@"; exit 1; }
# run STATUS PATTERN... -- ARGS: exercise ARGS exits with STATUS and prints every PATTERN in order.
run() {
  local status=$1 patterns=() out rc=0 rest
  shift
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  out=$("$exercise" "$@" 2>&1) || rc=$?
  [ "$rc" -eq "$status" ] || fail "exercise $* exited $rc, expected $status:" "$out"
  rest=$out
  for p in "${patterns[@]}"; do
    grep -qE -- "$p" <<< "$rest" || fail "exercise $* did not print '$p' (in order):" "$out"
    rest=$(awk -v p="$p" 'found {print} !found && $0 ~ p {found = 1; print}' <<< "$rest" | tail -n +2)
  done
  last=$out
}

"$exercise" reset sigmoid > /dev/null
run 0 "^Exercise 1-A  sigmoid · hint 1 of 3$" "^  1\. σ works on each element" \
      "^\`build/bin/exercise hint sigmoid\` shows hint 2 of 3$" -- hint sigmoid
run 1 "✗ Exercise 1-A  sigmoid: not yet" "^  case 1 of 10: z is 1×1" "^  given:" "^    z = \[ " \
      "^  hint 1 of 3: σ works on each element" "shows hint 2 of 3$" \
      "^  redo this case alone:  build/bin/exercise check sigmoid --case 1$" -- check sigmoid
run 1 "^  case 3 of 10: z is 4×3" -- check sigmoid --case 3
run 2 "^exercise: the solution of Exercise 1-A  sigmoid opens once \`exercise check sigmoid\` passes" \
      -- solution sigmoid
[ "$(wc -l <<< "$last")" -eq 1 ] || fail "the refusal is not one line:" "$last"
run 0 "hint 2 of 3" "^  2\. " -- hint sigmoid
run 0 "hint 3 of 3" "^  3\. Divide 1\.0 by" "^That was the last hint" -- hint sigmoid
run 0 "hint 3 of 3" "^Every hint is shown" -- hint sigmoid
run 0 "^  hint 3: Divide 1\.0 by" -- show sigmoid

cp "$solution" "$file"
run 0 "✓ Exercise 1-A  sigmoid: case 2 of 10 agrees with the workbook" -- check sigmoid --case 2
run 0 "· not yet  1-A   sigmoid" -- list
run 2 "opens once" -- solution sigmoid
run 0 "✓ Exercise 1-A  sigmoid passes: 10 cases agree" -- check sigmoid
run 0 "✓ pass     1-A   sigmoid" -- list
run 0 "^// Exercise 1-A \(sigmoid\): the workbook's solution" "σ acts on every element on its own \(1\.3\)" \
      "^Matrix sigmoid\(const Matrix& z\)$" -- solution sigmoid
grep -q "⟦" <<< "$last" && fail "the solution shows an equation key, not its number:" "$last"

line='^bpw-report 1 \| class K7Q \| student Ada Lovelace \| 1-A [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}Z hints 3 \| check [0-9a-f]{16}$'
run 0 "$line" -- report --class k7q --student "Ada Lovelace"
printf 'Dear instructor, my line:\n%s\n' "$last" > "$work/reports/ada.txt"
run 0 "$line" -- report  # the class code and the name are remembered
[ "$last" = "$(tail -1 "$work/reports/ada.txt")" ] || fail "a second report differs:" "$last"

export BPW_EXERCISE_ROOT=$work/grace
"$exercise" hint output_delta > /dev/null
"$exercise" hint output_delta > /dev/null
run 0 "\| student Grace Hopper \| 3-B not passed hints 2 \| check " -- report --class K7Q --student "Grace Hopper"
echo "$last" > "$work/reports/grace.txt"
echo "notes about the class, not a report" > "$work/reports/notes.txt"

run 0 "^Class K7Q: 2 students \(Ada Lovelace, Grace Hopper\)$" \
      "^exercise +passed +stuck here +hints$" \
      "^1-A  sigmoid +1/2 +1 +3$" "^1-B  weighted_input +0/2 +1$" "^3-B  output_delta +0/2 +2$" \
      "^Most stuck: 1-A sigmoid \(1 of 2\)\.$" -- gather "$work/reports"

sed 's/Ada Lovelace/Ada Byron/' "$work/reports/ada.txt" > "$work/edited.txt"
err=$("$exercise" gather "$work/edited.txt" 2>&1 > /dev/null) && fail "an edited line was accepted"
[ "$(wc -l <<< "$err")" -eq 1 ] || fail "the refusal of an edited line is not one line:" "$err"
grep -qE "edited.txt:2: the report line of Ada Byron \(class K7Q\) was changed after \`exercise report\` wrote it" <<< "$err" ||
  fail "the refusal does not say what is wrong:" "$err"
"$exercise" gather "$work/edited.txt" > /dev/null 2>&1 || [ $? -eq 2 ] || fail "an edited line: status is not 2"
echo "learner session: as expected"
