"""The instance's colour and logo: WCAG contrast checks and logo file checks."""

import re

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
# The colour is used for links on the page background and for white text on buttons.
BACKGROUNDS = ("#ffffff", "#fbfaf7")
MIN_CONTRAST = 4.5
LOGO_MAX_BYTES = 200 * 1024
LOGO_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def contrast_problem(colour: str) -> str:
    """Why `colour` can't be the brand colour, or "" when it can."""
    if not _HEX.match(colour or ""):
        return "Use a colour written as #rrggbb, e.g. #1f5f8b."
    worst = min(contrast_ratio(colour, background) for background in BACKGROUNDS)
    if worst < MIN_CONTRAST:
        return (
            f"This colour contrasts only {worst:.1f}:1 with white; links and buttons need "
            f"{MIN_CONTRAST}:1 (WCAG AA). Choose a darker colour."
        )
    return ""


def logo_type(data: bytes) -> str:
    """The image type of an uploaded logo, or "" when it is not a PNG or JPEG (SVG is refused:
    it can carry scripts)."""
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, kind in LOGO_TYPES.items():
        if data.startswith(magic):
            return kind
    return ""
