#!/usr/bin/env bash
# Compiles two handouts with pdflatex through scripts/handouts.sh's own check:
# chapter 7 under the moons preset (a 2-10-2 network: ten-column matrices and a
# table of every weight) and chapter 10 (a table of 30 rows). Exit 77 (skipped)
# without pdflatex.
#   compile_some.sh BIN_DIR OUT_DIR HANDOUTS_SCRIPT
set -euo pipefail
bin=$1 out=$2 script=$3
command -v pdflatex >/dev/null || { echo "pdflatex is not installed: skipped"; exit 77; }
rm -rf "$out" && mkdir -p "$out"
# The script's function for one handout, run on two.
source <(sed -n '/^one() {/,/^}/p' "$script")
status=0
one ch07_gradient_check moons || status=1
one ch10_overfitting sleep-study || status=1
ls "$out"/ch07_gradient_check.moons.pdf "$out"/ch10_overfitting.sleep-study.pdf
exit $status
