#!/usr/bin/env bash
# Installs what the handouts need, from Debian's packages, when it is missing
# (with sudo when not root): pdflatex with amsmath, amssymb, geometry and
# longtable (texlive-latex-base) to compile them; with --markdown also pandoc,
# which renders the Markdown handouts in their test; with --browser also
# Chromium and Node.js, which run the book's browser test. The two quick-start
# commands of the README never call this: TeX Live is only for the handouts.
#   scripts/install-handout-tools.sh [--markdown] [--browser]
set -euo pipefail
packages=(texlive-latex-base)
for option in "$@"; do
  case "$option" in
    --markdown) packages+=(pandoc) ;;
    --browser) packages+=(chromium)
               command -v node >/dev/null || packages+=(nodejs) ;;
    *) echo "unknown option '$option'; usage: scripts/install-handout-tools.sh [--markdown] [--browser]" >&2
       exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing for the handouts: ${missing[*]}"
# Another apt may hold the lock for a while; wait for it rather than fail.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if $sudo apt-get update -qq &&
     DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    exit 0
  fi
  echo "apt-get failed (attempt $attempt); trying again in 30 s" >&2
  sleep 30
done
echo "could not install ${missing[*]}; install them by hand: sudo apt-get install ${missing[*]}" >&2
exit 1
