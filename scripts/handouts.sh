#!/usr/bin/env bash
# Every chapter's handout under every preset: `--format latex --standalone`
# compiled with pdflatex into OUT_DIR/CHAPTER.PRESET.pdf. Fails (exit 1) when a
# chapter that runs writes LaTeX that does not compile, or whose log shows an
# error, a missing character, or a box wider than the text block; the log of
# each lies beside its PDF. A chapter that refuses a preset (exit 2, one line
# saying why) is listed, not failed.
#
#   scripts/handouts.sh BIN_DIR OUT_DIR
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/handouts.sh BIN_DIR OUT_DIR (the chapters' bin/ and where the PDFs go)" >&2
  exit 2
fi
bin=$1 out=$2
command -v pdflatex >/dev/null ||
  { echo "pdflatex is missing: run scripts/install-handout-tools.sh" >&2; exit 2; }
mkdir -p "$out"
chapters=(ch01_forward_pass ch02_cost ch03_output_delta ch04_hidden_delta ch05_gradients
          ch06_update ch07_gradient_check ch08_training ch09_bfgs ch10_overfitting)
mapfile -t presets < <("$bin/ch01_forward_pass" --list-presets | awk '{print $1}')  # every preset

# One handout: the chapter's LaTeX, pdflatex, and its log read. Prints a line,
# and what went wrong under it.
one() {
  local chapter=$1 preset=$2 name="$1.$2"
  local tex="$out/$name.tex" log="$out/$name.log" why
  rm -f "$out/$name".{pdf,log,refused}
  set +e
  "$bin/$chapter" --format latex --standalone --preset "$preset" >"$tex" 2>"$out/$name.stderr" </dev/null
  local rc=$?
  set -e
  if [ "$rc" -eq 2 ]; then
    why=$(head -n 1 "$out/$name.stderr")
    echo "$why" >"$out/$name.refused"
    rm -f "$tex"
    echo "refused  $name: $why"
    return 0
  fi
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "FAILED   $name: the chapter exited with $rc"; return 1
  fi
  if LC_ALL=C grep -n -m 3 '[^[:print:][:space:]]' "$tex" >"$out/$name.nonascii"; then
    echo "FAILED   $name: characters outside ASCII in $tex:"; cat "$out/$name.nonascii"; return 1
  fi
  rm -f "$out/$name.nonascii"
  if ! (cd "$out" && pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" >/dev/null 2>&1); then
    echo "FAILED   $name: pdflatex stopped; see $log:"; grep -m 5 -A 3 '^!' "$log" || tail -n 20 "$log"
    return 1
  fi
  # Errors, missing glyphs, and boxes that stick out of the text block by more
  # than a hair (TeX reports every one as "Overfull \hbox (N pt too wide)").
  local problems
  problems=$(grep -n -E '^! |Missing character|LaTeX Error|Overfull \\hbox \(([2-9]|[1-9][0-9]+)\.[0-9]+pt' "$log" || true)
  if [ -n "$problems" ]; then
    echo "FAILED   $name: $log shows:"; echo "$problems" | head -n 10; return 1
  fi
  echo "compiled $name: $(grep -o 'Output written on .*(.* pages\?' "$log" | sed 's/.*(//')"
}
export -f one
export bin out

start=$(date +%s)
for chapter in "${chapters[@]}"; do
  for preset in "${presets[@]}"; do echo "$chapter $preset"; done
done | xargs -P 2 -n 2 bash -c 'one "$0" "$1" >"$out/$0.$1.result" 2>&1' || true
for chapter in "${chapters[@]}"; do
  for preset in "${presets[@]}"; do cat "$out/$chapter.$preset.result"; done
done >"$out/summary.txt"
cat "$out/summary.txt"
compiled=$(grep -c '^compiled' "$out/summary.txt" || true)
refused=$(grep -c '^refused' "$out/summary.txt" || true)
failed=$(grep -c '^FAILED' "$out/summary.txt" || true)
echo "handouts: $compiled compiled, $refused refused by their chapter, $failed failed" \
     "($(( $(date +%s) - start )) s); the PDFs are in $out"
[ "$failed" -eq 0 ] && [ "$compiled" -gt 0 ]
