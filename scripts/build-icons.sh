#!/usr/bin/env bash
# Renders the install icons for the web manifest from assets/favicon.svg:
#   assets/icons/icon-192.png, icon-512.png       the favicon as it is (purpose "any")
#   assets/icons/maskable-192.png, maskable-512.png  full-bleed background, the mark scaled to 70%
#                                                 around the centre so it sits inside the 80% safe
#                                                 circle that launchers may crop to (purpose "maskable")
#   assets/icons/apple-touch-icon.png             180 px, full-bleed, for iOS home screens
#
# Needs: rsvg-convert (apt-get install -y librsvg2-bin). Run: bash scripts/build-icons.sh
# assets/README.md ("Icons") records this. Do not edit the PNGs by hand; change the SVG and rerun.
set -euo pipefail
cd "$(dirname "$0")/.."

SRC=assets/favicon.svg
OUT=assets/icons
BG='#0d1b2a'
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# The favicon's drawing (everything inside <svg>…</svg>) on a square background without rounded
# corners, scaled about the centre of its 64×64 view box.
inner=$(sed -e 's/^<svg[^>]*>//' -e 's#</svg>[[:space:]]*$##' "$SRC")
fullbleed() { # fullbleed SCALE OUT.svg
  printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="%s"/><g transform="translate(32 32) scale(%s) translate(-32 -32)">%s</g></svg>\n' \
    "$BG" "$1" "$inner" >"$2"
}
fullbleed 0.7 "$WORK/maskable.svg"
fullbleed 0.9 "$WORK/touch.svg"

render() { rsvg-convert --width "$2" --height "$2" --format png --output "$3" "$1"; }
render "$SRC" 192 "$OUT/icon-192.png"
render "$SRC" 512 "$OUT/icon-512.png"
render "$WORK/maskable.svg" 192 "$OUT/maskable-192.png"
render "$WORK/maskable.svg" 512 "$OUT/maskable-512.png"
render "$WORK/touch.svg" 180 "$OUT/apple-touch-icon.png"
ls -l "$OUT"
