#!/usr/bin/env bash
# hostile_cli.sh PROGRAM REGEX ARGS...: like usage_error.cmake, for arguments
# CMake cannot pass: an argument "(empty)" stands for the empty string. Expects
# exit status 2 and one line on stderr matching REGEX.
set -uo pipefail
program=$1 regex=$2
shift 2
args=()
for arg in "$@"; do
  if [ "$arg" = "(empty)" ]; then args+=(""); else args+=("$arg"); fi
done
err=$("$program" "${args[@]}" 2>&1 > /dev/null < /dev/null)
rc=$?
[ "$rc" -eq 2 ] || { echo "exit status $rc, expected 2; stderr: $err"; exit 1; }
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "expected one line, got:"; echo "$err"; exit 1; }
printf '%s\n' "$err" | grep -Eq -e "$regex" || { echo "stderr does not match '$regex': $err"; exit 1; }
echo "ok: $err"
