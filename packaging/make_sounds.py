"""Synthesise Upright's sound cues into assets/sounds/ as 16-bit mono WAV files.

The cues are made from code rather than recorded so they carry no licence,
regenerate byte for byte (tests/platform/test_audio.py checks this), and can
be retuned in review. Each one is a few struck notes: a short rounded attack
and a fade to silence at the end so no speaker clicks, and a peak of -6 dBFS
so they sit under speech and never clip after the mixer adds them up.
Run: python packaging/make_sounds.py [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOUNDS_DIR = ROOT / "assets" / "sounds"
RATE = 44_100
PEAK = 10 ** (-6 / 20)  # -6 dBFS as a fraction of full scale

# Timbres as (frequency ratio, loudness) partials; higher ones die away faster.
BRIGHT = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))  # glockenspiel-ish, for "go"
MARIMBA = ((1.0, 1.0), (4.0, 0.10))  # tuned bar: the 4th partial gives the knock
WARM = ((1.0, 1.0), (2.0, 0.12))  # nearly pure, for "rest"
WOOD = ((1.0, 1.0), (2.76, 0.30))  # inharmonic, so it reads as a knock, not a note

# Equal-tempered pitches in hertz.
C5, D5, E5, G5, A5, E6 = 523.25, 587.33, 659.26, 783.99, 880.00, 1318.51


def note(freq: float, length: float, partials, *, decay: float, attack: float = 0.006) -> list[float]:
    """One struck note: raised-cosine attack, exponential decay, cosine release to zero."""
    release = min(0.03, length / 3)
    samples = []
    for i in range(round(length * RATE)):
        t = i / RATE
        envelope = math.exp(-t / decay)
        if t < attack:
            envelope *= 0.5 - 0.5 * math.cos(math.pi * t / attack)
        if t > length - release:
            envelope *= 0.5 + 0.5 * math.cos(math.pi * (t - (length - release)) / release)
        tone = sum(
            level * math.exp(-t * (ratio - 1) / decay) * math.sin(2 * math.pi * freq * ratio * t)
            for ratio, level in partials
        )
        samples.append(envelope * tone)
    return samples


def mix(*placed: tuple[float, list[float]]) -> list[float]:
    """Lay notes at their start times (seconds) over one another."""
    length = max(round(start * RATE) + len(samples) for start, samples in placed)
    out = [0.0] * length
    for start, samples in placed:
        offset = round(start * RATE)
        for i, value in enumerate(samples):
            out[offset + i] += value
    return out


def cues() -> dict[str, list[float]]:
    return {
        # Two notes a fifth apart, rising: the next step begins.
        "step_start": mix(
            (0.0, note(A5, 0.30, BRIGHT, decay=0.12)), (0.11, note(E6, 0.38, BRIGHT, decay=0.14))
        ),
        # A dry knock for each of the last three seconds; short enough not to blur.
        "tick": note(1_250.0, 0.07, WOOD, decay=0.016, attack=0.002),
        # High-low-high-low on a softer bar: swap sides, same exercise.
        "side_switch": mix(
            *((i * 0.1, note(D5 if i % 2 else A5, 0.18, MARIMBA, decay=0.07)) for i in range(4))
        ),
        # A falling fifth, slow and warm: the set is done, rest.
        "set_end": mix((0.0, note(G5, 0.30, WARM, decay=0.16)), (0.16, note(C5, 0.40, WARM, decay=0.20))),
        # C major arpeggio with the top note left to ring: the session is over.
        "session_end": mix(
            (0.0, note(C5, 0.30, BRIGHT, decay=0.14)),
            (0.13, note(E5, 0.30, BRIGHT, decay=0.14)),
            (0.26, note(G5, 0.60, BRIGHT, decay=0.22)),
        ),
    }


def to_pcm(samples: list[float]) -> bytes:
    """Scale to the target peak and pack as little-endian 16-bit integers."""
    gain = PEAK * 32767 / max(abs(value) for value in samples)
    return struct.pack(f"<{len(samples)}h", *(round(value * gain) for value in samples))


def write_wav(path: Path, pcm: bytes) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(pcm)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SOUNDS_DIR, help="folder to write the WAV files to")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    for name, samples in cues().items():
        write_wav(out / f"{name}.wav", to_pcm(samples))
        print(f"wrote {out / name}.wav ({len(samples) / RATE:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
