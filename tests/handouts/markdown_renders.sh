#!/usr/bin/env bash
# Every chapter's Markdown handout under every preset, rendered by pandoc to
# HTML with MathML: each formula written between dollars must come out as one
# <math> element, no dollar sign may be left in the text, and pandoc may not
# warn (it does when it cannot convert a formula). Exit 77 (skipped) without
# pandoc.
#   markdown_renders.sh BIN_DIR OUT_DIR
set -euo pipefail
bin=$1 out=$2
command -v pandoc >/dev/null || { echo "pandoc is not installed: skipped"; exit 77; }
mkdir -p "$out"
checked=0
mapfile -t presets < <("$bin/ch01_forward_pass" --list-presets | awk '{print $1}')  # every preset
for chapter in ch01_forward_pass ch02_cost ch03_output_delta ch04_hidden_delta ch05_gradients \
               ch06_update ch07_gradient_check ch08_training ch09_bfgs ch10_overfitting; do
  for preset in "${presets[@]}"; do
    md="$out/$chapter.$preset.md" html="$out/$chapter.$preset.html"
    set +e
    "$bin/$chapter" --format markdown --standalone --preset "$preset" >"$md" 2>/dev/null </dev/null
    rc=$?
    set -e
    if [ "$rc" -eq 2 ]; then continue; fi  # the chapter refuses the preset (see handouts.latex_is_ascii)
    if ! pandoc -f markdown -t html --mathml --standalone --fail-if-warnings "$md" -o "$html" 2>"$out/$chapter.$preset.warnings"; then
      echo "pandoc could not render $md:"; cat "$out/$chapter.$preset.warnings"; exit 1
    fi
    # Formulas in the source: pairs of unescaped dollars outside code spans.
    formulas=$(sed -e 's/`[^`]*`//g' -e 's/\\\$//g' "$md" | tr -cd '$' | wc -c)
    formulas=$((formulas / 2))
    typeset=$(grep -o '<math' "$html" | wc -l)
    if [ "$formulas" -eq 0 ] || [ "$typeset" -ne "$formulas" ]; then
      echo "$md: $formulas formulas, but pandoc typeset $typeset"; exit 1
    fi
    if sed -e 's/<code>[^<]*<\/code>//g' -e '/<math/,/<\/math>/d' "$html" | grep -n -m 3 '\$'; then
      echo "$html: a dollar sign is left in the text, a formula pandoc did not read"; exit 1
    fi
    checked=$((checked + 1))
  done
done
echo "$checked Markdown handouts rendered by pandoc with every formula as MathML"
[ "$checked" -gt 0 ]
