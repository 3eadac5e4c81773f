"""A tiny raster canvas that encodes itself as a PNG: rectangles, hatching and bitmap text.

Why not matplotlib (see also ``health_chart``): the bot's memory is a tracked target and already
over it; matplotlib with numpy, Pillow and its fonts adds tens of megabytes the first time a chart
is drawn and never gives them back, builds a font cache on first use (seconds, on the event loop
unless threaded, and a writable cache directory in the container), and brings a large native
dependency tree into a tool whose users' safety depends on what it runs. A bar chart of eight
sessions needs none of that: flat rectangles and text on a palette image, encoded with the
standard library (``zlib`` for the pixels, ``struct`` for the chunks). The output is deterministic
(no timestamps, no metadata chunks: nothing but pixels), which also lets the tests compare bytes.

Colour type 3 (palette), bit depth 8, no interlace, filter 0 on every row: what every decoder
reads. The palette holds at most 256 colours.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

from facilitation.pixel_font import ADVANCE, HEIGHT, glyph

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
Colour = tuple[int, int, int]


class Canvas:
    """``width`` × ``height`` pixels, each an index into ``palette``; starts as colour 0."""

    def __init__(self, width: int, height: int, palette: Sequence[Colour]) -> None:
        if not (0 < width <= 4096 and 0 < height <= 4096):
            raise ValueError("a canvas is 1 to 4096 pixels each way")
        if not 0 < len(palette) <= 256:
            raise ValueError("a palette has 1 to 256 colours")
        self.width = width
        self.height = height
        self.palette = tuple(palette)
        self.pixels = bytearray(width * height)

    def fill(self, x: int, y: int, w: int, h: int, colour: int) -> None:
        """A filled rectangle, clipped to the canvas."""
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.width, x + w), min(self.height, y + h)
        if x1 <= x0 or y1 <= y0:
            return
        row = bytes([colour]) * (x1 - x0)
        for line in range(y0, y1):
            start = line * self.width + x0
            self.pixels[start : start + len(row)] = row

    def frame(self, x: int, y: int, w: int, h: int, colour: int, thickness: int = 1) -> None:
        """A rectangle's outline, drawn inside its bounds."""
        self.fill(x, y, w, thickness, colour)
        self.fill(x, y + h - thickness, w, thickness, colour)
        self.fill(x, y, thickness, h, colour)
        self.fill(x + w - thickness, y, thickness, h, colour)

    def hatch(self, x: int, y: int, w: int, h: int, colour: int, step: int = 8) -> None:
        """Diagonal stripes (two pixels wide) over a rectangle: a pattern, for not-colour-alone."""
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.width, x + w), min(self.height, y + h)
        for line in range(y0, y1):
            base = line * self.width
            for width_offset in (0, 1):
                first = x0 + (-(x0 + line + width_offset)) % step
                if first < x1:
                    count = (x1 - 1 - first) // step + 1
                    self.pixels[base + first : base + x1 : step] = bytes([colour]) * count

    def text(self, x: int, y: int, words: str, colour: int, scale: int = 2) -> None:
        """``words`` with its top-left at (x, y), each font pixel ``scale`` pixels square."""
        for index, char in enumerate(words):
            left = x + index * ADVANCE * scale
            for row, bits in enumerate(glyph(char)):
                for column in range(5):
                    if bits & (1 << (4 - column)):
                        self.fill(left + column * scale, y + row * scale, scale, scale, colour)

    @staticmethod
    def text_width(words: str, scale: int = 2) -> int:
        return max(0, len(words) * ADVANCE * scale - scale)

    @staticmethod
    def text_height(scale: int = 2) -> int:
        return HEIGHT * scale

    def centred_text(self, centre_x: int, y: int, words: str, colour: int, scale: int = 2) -> None:
        self.text(centre_x - self.text_width(words, scale) // 2, y, words, colour, scale)

    def right_text(self, right_x: int, y: int, words: str, colour: int, scale: int = 2) -> None:
        self.text(right_x - self.text_width(words, scale), y, words, colour, scale)

    def png(self) -> bytes:
        """The canvas as PNG bytes."""
        rows = b"".join(
            b"\x00" + self.pixels[line * self.width : (line + 1) * self.width]
            for line in range(self.height)
        )
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 3, 0, 0, 0)
        palette = b"".join(bytes(colour) for colour in self.palette)
        return b"".join(
            [
                _SIGNATURE,
                _chunk(b"IHDR", header),
                _chunk(b"PLTE", palette),
                _chunk(b"IDAT", zlib.compress(rows, 9)),
                _chunk(b"IEND", b""),
            ]
        )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
