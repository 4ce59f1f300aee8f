#!/usr/bin/env bash
# starting_files.sh EXERCISE SOURCE: every chapters/*/exercises/*.cpp in the
# repository is the registry's starting text of its exercise, as
# `exercise start NAME` writes it, and the registry has no exercise without one;
# a file that differs shows as "(edited)" in a fresh clone's `exercise list`.
set -euo pipefail
exercise=$1 source=$2
status=0 count=0
for file in "$source"/chapters/*/exercises/*.cpp; do
  count=$((count + 1))
  name=$(basename "$file" .cpp)
  if ! diff -u "$file" <("$exercise" start "$name"); then
    echo "$file differs from the registry's starting text (write it with: exercise start $name)"
    status=1
  fi
done
registered=$("$exercise" list | grep -c '^  [✓·]')
if [ "$count" -ne "$registered" ]; then
  echo "$count exercise files, but the registry has $registered exercises"
  status=1
fi
if "$exercise" list | grep -q '(edited)'; then
  echo "a fresh tree lists an exercise as edited:"; "$exercise" list | grep '(edited)'
  status=1
fi
[ "$status" -eq 0 ] && echo "ok: $count starting files"
exit "$status"
