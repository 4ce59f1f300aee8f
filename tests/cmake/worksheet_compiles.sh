#!/usr/bin/env bash
# A worksheet and its key compile with pdflatex, blanks in matrices and in
# tables (chapter 7's table of gradients) included. Skipped (77) without pdflatex.
set -euo pipefail
bin=$1 work=$2
command -v pdflatex > /dev/null || { echo "pdflatex is not installed: skipped"; exit 77; }
rm -rf "$work" && mkdir -p "$work" && cd "$work"
"$bin/ch03_output_delta" --format latex --worksheet --class K7Q --student "Ada Lovelace" > sheet.tex
"$bin/ch03_output_delta" --format latex --answers --class K7Q --student "Ada Lovelace" > key.tex
"$bin/ch07_gradient_check" --format latex --worksheet --class K7Q --student "José Núñez" > table.tex
grep -q '& \$\\blank\$' table.tex || { echo "chapter 7's table has no blank cell"; exit 1; }
for doc in sheet key table; do
  if ! pdflatex -interaction=nonstopmode -halt-on-error "$doc.tex" > "$doc.out" 2>&1; then
    echo "pdflatex failed on $doc.tex:"; grep -A3 '^!' "$doc.log" | head -20; exit 1
  fi
done
echo "worksheets compile: sheet.pdf key.pdf table.pdf"
