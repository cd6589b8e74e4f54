#!/usr/bin/env bash
# Installs the data of the classification tasks from Debian's packages (no Python needed):
#   fashion16: the dataset-fashion-mnist package (files under /usr/share/datasets/fashion-mnist)
#   digits:    digits.csv.gz taken out of the python3-sklearn package with apt-get download + dpkg -x,
#              copied to ~/.local/share/wann/datasets (or $WANN_DATA)
# Safe to run again: it does nothing for data that is already there.
set -euo pipefail
target=${WANN_DATA:-$HOME/.local/share/wann/datasets}
mkdir -p "$target"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
updated=0
update() { if [ "$updated" -eq 0 ]; then $sudo apt-get update -qq; updated=1; fi; }

if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] && [ ! -f "$target/fashion-mnist/train-images-idx3-ubyte.gz" ]; then
  update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null
fi

if [ ! -f "$target/digits.csv.gz" ] && [ ! -f /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz ]; then
  update
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download python3-sklearn >/dev/null 2>&1 && dpkg -x python3-sklearn_*.deb extracted)
  cp "$work"/extracted/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz "$target/"
fi
echo "data sets ready: fashion-mnist and digits"
