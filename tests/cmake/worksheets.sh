#!/usr/bin/env bash
# Worksheets for a class, from chapter 3 (and chapter 5, which has biases and
# tables of gradients): the same class code and name give the same sheet; other
# names give other numbers; every key holds exactly the numbers of the
# chapter's own output for that student, the sheet the same with its blanks
# empty; --blank chooses the blanks; a roster writes a sheet and a key for
# every student.
set -euo pipefail
ch03=$1 ch05=$2 roster=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
fail() { echo "$1"; shift; [ $# -eq 0 ] || printf '%s\n' "$@"; exit 1; }

# The numbers of every matrix and table, in order, one per line; a key's marks removed.
numbers() {
  sed -E 's/\\answer\{([^}]*)\}/\1/g; s/\*\*([-0-9.e+]+)\*\*/\1/g' "$1" |
    awk '/\\begin\{(bmatrix|tabular)\}/ {inside = 1; next} /\\end\{(bmatrix|tabular)\}/ {inside = 0}
         /^\| *[0-9]+ \|/ {inside_md = 1} inside || /^\| [0-9]+ \|/ {print}' |
    grep -oE '(^|[ |&{])-?[0-9]+\.[0-9]+(e[-+][0-9]+)?' | grep -oE -- '-?[0-9].*'
}
blanks() { grep -oE '(^ +|& )\\blank|\| \\_\\_\\_\\_\\_\\_' "$1" | wc -l; }
answers() { grep -oE '\\answer\{|\*\*-?[0-9]' "$1" | wc -l; }

for format in latex markdown; do
  ext=$([ $format = latex ] && echo tex || echo md)
  for ch in "$ch03" "$ch05"; do
    name=$(basename "$ch")
    sheet=$work/$name-ada.$ext key=$work/$name-ada-key.$ext own=$work/$name-ada-own.$ext
    "$ch" --format $format --worksheet --class K7Q --student "Ada Lovelace" > "$sheet"
    "$ch" --format $format --answers --class K7Q --student "Ada Lovelace" > "$key"
    "$ch" --format $format --verbose --class K7Q --student "Ada Lovelace" > "$own"
    # The same code and name give the same sheet; written in other capitals and
    # spaces, the name gives the same numbers.
    "$ch" --format $format --worksheet --class K7Q --student "Ada Lovelace" > "$work/again.$ext"
    cmp -s "$sheet" "$work/again.$ext" || fail "$name $format: the same student got another sheet"
    "$ch" --format $format --worksheet --class k7q --student "  ada   LOVELACE " > "$work/again.$ext"
    [ "$(numbers "$sheet")" = "$(numbers "$work/again.$ext")" ] ||
      fail "$name $format: 'ada LOVELACE' got other numbers than 'Ada Lovelace'"
    grep -q "Name: ada LOVELACE\|\*\*Name:\*\* ada LOVELACE" "$work/again.$ext" ||
      fail "$name $format: the name is not printed as given, spaces tidied"
    # The key holds the chapter's own numbers for that student, and marks as many as the sheet blanks.
    [ "$(numbers "$key")" = "$(numbers "$own")" ] ||
      fail "$name $format: the key's numbers differ from the chapter's own output" \
           "$(diff <(numbers "$key") <(numbers "$own") | head)"
    [ "$(numbers "$own" | wc -l)" -gt 10 ] || fail "$name $format: too few numbers found in the output"
    [ "$(blanks "$sheet")" -gt 0 ] && [ "$(blanks "$sheet")" -eq "$(answers "$key")" ] ||
      fail "$name $format: $(blanks "$sheet") blanks on the sheet, $(answers "$key") answers on the key"
    # The sheet shows every number of the key that is not an answer.
    [ "$(numbers "$sheet" | wc -l)" -eq $(( $(numbers "$key" | wc -l) - $(answers "$key") )) ] ||
      fail "$name $format: the sheet shows $(numbers "$sheet" | wc -l) numbers"
    grep -q "Ada Lovelace" "$sheet" || fail "$name $format: the sheet does not name the student"
    # Another student of the same class: other numbers.
    "$ch" --format $format --worksheet --class K7Q --student "Alan Turing" > "$work/alan.$ext"
    [ "$(numbers "$work/alan.$ext")" != "$(numbers "$sheet")" ] ||
      fail "$name $format: Alan Turing's sheet has Ada Lovelace's numbers"
  done
done

# By default the chapter's own results are blank; --blank names others, by number or key.
"$ch03" --format latex --worksheet --class K7Q --blank 2.2,sse_gradient > "$work/chosen.tex"
grep -A2 'paragraph{(2.2)}' "$work/chosen.tex" | grep -q '\\blank' || fail "(2.2) is not blank"
grep -A2 'paragraph{(3.2)}' "$work/chosen.tex" | grep -q '\\blank' || fail "(3.2) is not blank"
grep -A2 'paragraph{(3.4)}' "$work/chosen.tex" | grep -q '\\blank' && fail "(3.4) is blank, not asked for"

# A roster: a sheet and a key for each student, each key the chapter's own output for that student.
"$ch03" --format latex --class K7Q --roster "$roster" --output-dir "$work/class" > "$work/roster.out"
[ "$(ls "$work/class" | wc -l)" -eq 6 ] || fail "the roster wrote:" "$(ls "$work/class")"
grep -q "^3 worksheets and 3 answer keys for class K7Q in $work/class$" "$work/roster.out" ||
  fail "the roster's summary:" "$(cat "$work/roster.out")"
for student in "Ada Lovelace" "Alan Turing" "Grace Hopper"; do
  slug=$(tr 'A-Z ' 'a-z-' <<< "$student")
  key=$work/class/ch03_output_delta-K7Q-$slug-key.tex
  [ -f "$key" ] || fail "no key for $student"
  "$ch03" --format latex --verbose --class K7Q --student "$student" > "$work/own.tex"
  [ "$(numbers "$key")" = "$(numbers "$work/own.tex")" ] || fail "the key of $student is not their output"
  cmp -s "$work/class/ch03_output_delta-K7Q-$slug.tex" \
         <("$ch03" --format latex --worksheet --class K7Q --student "$student") ||
    fail "the roster's sheet of $student differs from the one --student writes"
done
# One student of the roster again.
"$ch03" --format latex --class K7Q --roster "$roster" --student "grace hopper" --output-dir "$work/one" > /dev/null
[ "$(ls "$work/one" | wc -l)" -eq 2 ] || fail "--student with --roster wrote:" "$(ls "$work/one")"
# The linear-errors preset has fixed weights: the same numbers for everyone, as the README says.
"$ch03" --format latex --worksheet --preset linear-errors --class K7Q --student "Ada Lovelace" > "$work/l1.tex"
"$ch03" --format latex --worksheet --preset linear-errors --class K7Q --student "Alan Turing" > "$work/l2.tex"
[ "$(numbers "$work/l1.tex")" = "$(numbers "$work/l2.tex")" ] || fail "linear-errors differs by student"
echo "worksheets: as expected"
