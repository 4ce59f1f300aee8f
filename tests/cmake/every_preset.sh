#!/usr/bin/env bash
# every_preset.sh PROGRAM PRESET...: the presets a test list names are every
# preset the program lists, in its order, so a new preset cannot be left out.
set -euo pipefail
program=$1
shift
diff <("$program" --list-presets | awk '{print $1}') <(printf '%s\n' "$@")
