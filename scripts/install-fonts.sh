#!/usr/bin/env bash
# Installs the font the drawings use (DejaVu Sans, Debian's fonts-dejavu-core) when no usable font is
# on the usual paths. Where apt is not available it says what to install instead; drawing commands then
# fail with the same advice, everything else works. Safe to run again.
set -uo pipefail
for f in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf \
         /usr/share/fonts/dejavu/DejaVuSans.ttf /usr/share/fonts/TTF/DejaVuSans.ttf /usr/share/fonts/truetype/DejaVuSans.ttf \
         /opt/homebrew/share/fonts/DejaVuSans.ttf /usr/local/share/fonts/DejaVuSans.ttf /Library/Fonts/DejaVuSans.ttf \
         "$HOME/.local/share/fonts/DejaVuSans.ttf" "$HOME/Library/Fonts/DejaVuSans.ttf" "${WANN_FONT:-/nonexistent}"; do
  [ -f "$f" ] && exit 0
done
if command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; then
    echo "installed the DejaVu fonts (fonts-dejavu-core) for the drawings"
    exit 0
  fi
fi
echo "install-fonts.sh: no DejaVu Sans font found and none installed: the drawings (render, plot, sweep, report) need one." >&2
echo "  install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core; Fedora: dnf install dejavu-sans-fonts;" >&2
echo "  Arch: pacman -S ttf-dejavu; macOS: brew install --cask font-dejavu) or set WANN_FONT to a .ttf file" >&2
exit 1
