#!/usr/bin/env bash
# Installs the Debian packages the workbook needs (with sudo when not root),
# builds it with the default preset, and runs the chapters in order.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config
          libxtensor-dev libxtensor-blas-dev libopenblas-dev
          catch2 libcli11-dev nlohmann-json3-dev libfmt-dev
          zlib1g-dev liblbfgs-dev dataset-fashion-mnist python3-numpy
          doxygen libjs-mathjax)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake --preset default
cmake --build --preset default

for chapter in ch01_forward_pass ch02_cost ch03_output_delta ch04_hidden_delta \
               ch05_gradients ch06_update ch07_gradient_check ch08_training ch09_bfgs \
               ch10_overfitting; do
  "build/bin/$chapter"
  echo
done

echo "Every chapter ran. Its exercises are next: build/bin/exercise list"
