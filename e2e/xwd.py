"""Screenshots from Xvfb's own framebuffer (`Xvfb -fbdir DIR` keeps the screen in
DIR/Xvfb_screen0 as an XWD image), written as PNG with the standard library only.

WebKitWebDriver's screenshot asks the web process for a snapshot, which hangs when WebKitGTK
composites without the GPU path turned off (the app's default on a machine without a GPU);
the framebuffer is what is really on the screen, whatever the webview does."""

import struct
import zlib


def _png(width, height, rows):
    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6))
            + chunk(b"IEND", b""))


def capture(xwd_path, png_path, rect=None):
    """Write the screen (or `rect` = (x, y, width, height) of it) as a PNG."""
    with open(xwd_path, "rb") as f:
        data = f.read()
    h = struct.unpack(">25I", data[:100])
    header_size, depth, width, height = h[0], h[3], h[4], h[5]
    byte_order, bpp, bpl, ncolors = h[7], h[11], h[12], h[19]
    masks = h[14:17]
    if bpp != 32 or depth != 24:
        raise ValueError(f"{xwd_path}: {bpp} bits per pixel, depth {depth}: only 24-bit screens")
    x0, y0, w, hh = rect or (0, 0, width, height)
    x0, y0 = max(0, x0), max(0, y0)
    w, hh = min(w, width - x0), min(hh, height - y0)
    start = header_size + ncolors * 12
    # Byte positions of red, green and blue in a pixel (0xff0000 is byte 2 in LSB order).
    def pos(mask):
        shift = {0xFF: 0, 0xFF00: 1, 0xFF0000: 2, 0xFF000000: 3}[mask]
        return shift if byte_order == 0 else 3 - shift
    r, g, b = (pos(m) for m in masks)
    rows = []
    for y in range(y0, y0 + hh):
        line = data[start + y * bpl + x0 * 4: start + y * bpl + (x0 + w) * 4]
        out = bytearray(w * 3)
        out[0::3] = line[r::4]
        out[1::3] = line[g::4]
        out[2::3] = line[b::4]
        rows.append(bytes(out))
    with open(png_path, "wb") as f:
        f.write(_png(w, hh, rows))
