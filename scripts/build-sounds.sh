#!/usr/bin/env bash
# Synthesises the game's sound cues with SoX and packs them into one audio sprite:
#   assets/audio/sprite.webm (Opus), assets/audio/sprite.mp3 and assets/audio/sprite.json
#   ({ cue: [startMs, durationMs, loop?] }, the shape Howler's `sprite` option takes), copied to
#   src/audio/sprite.json for src/audio/player.ts to import.
#
# Needs: sox (with libsox-fmt-all) and ffmpeg (libopus, libmp3lame), e.g.
#   apt-get install -y sox libsox-fmt-all ffmpeg
# Deterministic: every sox call runs with -R (repeatable noise and dither), ffmpeg writes with
# bitexact flags and no metadata, so a rerun on the same tool versions gives the same files.
# assets/README.md ("Sounds") describes each cue. Run: bash scripts/build-sounds.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=48000
GAP_MS=300 # silence after every cue, so encoder delay never bleeds one cue into the next
OUT=assets/audio
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# sox with repeatable randomness, mono 32-bit float at $RATE, quiet about clipping warnings.
SOX=(sox -R -V1)
FMT=(-r "$RATE" -c 1 -b 32 -e floating-point)
syn() { "${SOX[@]}" -n "${FMT[@]}" "$@"; } # syn OUT.wav synth ... effects
mix() { "${SOX[@]}" -m "$@"; }              # mix IN... OUT.wav [effects]
cat_() { "${SOX[@]}" "$@"; }                # concatenate IN... OUT.wav [effects]

# A bell-like note: a sine with a quieter octave partial, sharp attack, exponential-ish decay.
note() { # note OUT.wav FREQ LENGTH DELAY
  syn "$WORK/n1.wav" synth "$3" sine "$2" fade l 0.008 "$3" "$(echo "$3 - 0.008" | bc -l)"
  syn "$WORK/n2.wav" synth "$3" sine "$(echo "$2 * 2" | bc -l)" vol 0.25 \
    fade l 0.008 "$3" "$(echo "$3 * 0.9" | bc -l)"
  mix "$WORK/n1.wav" "$WORK/n2.wav" "$1" pad "$4"
}

# ---- murmur: 4 s seamless loop of low, wobbling voices-like noise ------------------------------
# Generate 4.5 s, keep 0.5..4.0 and crossfade the tail 4.0..4.5 (fading out) over the head
# 0.0..0.5 (fading in), so the end runs straight into the start. The tremolo periods (4 s and
# 0.8 s) divide the loop, so the wobble is seamless too.
syn "$WORK/m-brown.wav" synth 4.5 brownnoise
syn "$WORK/m-pink.wav" synth 4.5 pinknoise vol 0.35 bandpass 500 400h
mix "$WORK/m-brown.wav" "$WORK/m-pink.wav" "$WORK/m-raw.wav" highpass 90 lowpass 900 lowpass 1400
cat_ "$WORK/m-raw.wav" "$WORK/m-body.wav" trim 0.5 3.5
cat_ "$WORK/m-raw.wav" "$WORK/m-tail.wav" trim 4.0 0.5 fade q 0 0.5 0.5
cat_ "$WORK/m-raw.wav" "$WORK/m-head.wav" trim 0 0.5 fade q 0.5
mix -v 1 "$WORK/m-tail.wav" -v 1 "$WORK/m-head.wav" "$WORK/m-seam.wav"
cat_ "$WORK/m-body.wav" "$WORK/m-seam.wav" "$WORK/murmur.wav" \
  tremolo 0.25 35 tremolo 1.25 20 norm -20

# ---- paper: a short band-passed noise rustle (two overlapping scrapes) -------------------------
syn "$WORK/p1.wav" synth 0.22 whitenoise bandpass 3200 1800h tremolo 37 60 fade q 0.01 0.22 0.16
syn "$WORK/p2.wav" synth 0.18 whitenoise bandpass 2400 1400h tremolo 23 50 fade q 0.02 0.18 0.14
syn "$WORK/p2d.wav" synth 0.18 whitenoise bandpass 2400 1400h tremolo 23 50 fade q 0.02 0.18 0.14 pad 0.1
mix "$WORK/p1.wav" "$WORK/p2d.wav" "$WORK/paper.wav" lowpass 6500 norm -13

# ---- accept: soft two-note rising chime (C5 then G5) -------------------------------------------
note "$WORK/a1.wav" 523.25 0.55 0
note "$WORK/a2.wav" 783.99 0.6 0.13
mix "$WORK/a1.wav" "$WORK/a2.wav" "$WORK/accept.wav" norm -14

# ---- reject: a low, short descending tone -----------------------------------------------------
syn "$WORK/reject.wav" synth 0.38 triangle 233:147 lowpass 700 fade q 0.01 0.38 0.22 norm -16

# ---- gavel: two woody knocks ------------------------------------------------------------------
knock() { # knock OUT.wav DELAY
  syn "$WORK/k-body.wav" synth 0.14 sine 210:170 fade l 0.001 0.14 0.135
  syn "$WORK/k-hit.wav" synth 0.05 whitenoise bandpass 900 600h fade l 0.001 0.05 0.048 vol 0.6
  syn "$WORK/k-ring.wav" synth 0.09 sine 620 vol 0.3 fade l 0.001 0.09 0.088
  mix "$WORK/k-body.wav" "$WORK/k-hit.wav" "$WORK/k-ring.wav" "$1" pad "$2"
}
knock "$WORK/g1.wav" 0
knock "$WORK/g2.wav" 0.26
mix "$WORK/g1.wav" "$WORK/g2.wav" "$WORK/gavel.wav" norm -8

# ---- signing: a short rising flourish of four notes (C5 E5 G5 C6) -------------------------------
note "$WORK/s1.wav" 523.25 0.5 0
note "$WORK/s2.wav" 659.25 0.5 0.09
note "$WORK/s3.wav" 783.99 0.5 0.18
note "$WORK/s4.wav" 1046.5 0.75 0.27
mix "$WORK/s1.wav" "$WORK/s2.wav" "$WORK/s3.wav" "$WORK/s4.wav" "$WORK/signing.wav" norm -13

# ---- news: an alert ping, two quick high notes (B5 then E6) ------------------------------------
note "$WORK/e1.wav" 987.77 0.3 0
note "$WORK/e2.wav" 1318.5 0.45 0.11
mix "$WORK/e1.wav" "$WORK/e2.wav" "$WORK/news.wav" norm -14

# ---- tick: a clock's tick and tock -------------------------------------------------------------
syn "$WORK/t1.wav" synth 0.03 whitenoise bandpass 4200 1500h fade l 0.0005 0.03 0.029
syn "$WORK/t2.wav" synth 0.03 whitenoise bandpass 2600 1000h fade l 0.0005 0.03 0.029 pad 0.42
mix "$WORK/t1.wav" "$WORK/t2.wav" "$WORK/tick.wav" norm -12

# ---- collapse: a low, dull thud ---------------------------------------------------------------
syn "$WORK/c-body.wav" synth 0.9 sine 70:38 fade l 0.005 0.9 0.85
syn "$WORK/c-noise.wav" synth 0.5 brownnoise lowpass 180 fade l 0.002 0.5 0.48
mix "$WORK/c-body.wav" -v 0.7 "$WORK/c-noise.wav" "$WORK/collapse.wav" lowpass 300 norm -8

# ---- pack the sprite ---------------------------------------------------------------------------
CUES=(murmur paper accept reject gavel signing news tick collapse)
start=0
parts=()
json="{"
for cue in "${CUES[@]}"; do
  samples=$(soxi -s "$WORK/$cue.wav")
  ms=$(((samples * 1000 + RATE - 1) / RATE))                  # whole milliseconds, rounded up
  cat_ "$WORK/$cue.wav" "$WORK/slot-$cue.wav" pad 0 "$(echo "($ms * $RATE / 1000 - $samples) / $RATE + $GAP_MS / 1000" | bc -l)"
  parts+=("$WORK/slot-$cue.wav")
  loop=""
  [ "$cue" = murmur ] && loop=", true"
  json+=$'\n'"  \"$cue\": [$start, $ms$loop],"
  start=$((start + ms + GAP_MS))
done
json="${json%,}"$'\n'"}"
cat_ "${parts[@]}" -b 16 -e signed-integer "$WORK/sprite.wav"
printf '%s\n' "$json" >"$OUT/sprite.json"
# The same map for the code: Vite will not let source import files from its public directory.
cp "$OUT/sprite.json" src/audio/sprite.json

FF=(ffmpeg -hide_banner -loglevel error -y -i "$WORK/sprite.wav" -map_metadata -1 -fflags +bitexact -flags:a +bitexact)
"${FF[@]}" -c:a libopus -b:a 40k -ac 1 -application audio "$OUT/sprite.webm"
"${FF[@]}" -c:a libmp3lame -b:a 48k -ac 1 -ar 48000 -write_xing 0 -id3v2_version 0 "$OUT/sprite.mp3"

ls -l "$OUT"/sprite.*
cat "$OUT/sprite.json"
