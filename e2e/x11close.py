"""Ask a top-level X window to close the way a window manager does (a WM_DELETE_WINDOW
client message), with ctypes and libX11 only. Under a bare Xvfb there is no window
manager, and WebDriver cannot press the title bar's close button."""

import ctypes
import ctypes.util

_x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
_x.XOpenDisplay.restype = ctypes.c_void_p
_x.XOpenDisplay.argtypes = [ctypes.c_char_p]
_x.XDefaultRootWindow.restype = ctypes.c_ulong
_x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
_x.XInternAtom.restype = ctypes.c_ulong
_x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
_x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                          ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                          ctypes.POINTER(ctypes.c_uint)]
_x.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
_x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
_x.XFlush.argtypes = [ctypes.c_void_p]
_x.XCloseDisplay.argtypes = [ctypes.c_void_p]
_x.XFree.argtypes = [ctypes.c_void_p]


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


CLIENT_MESSAGE = 33


def _windows(dpy, w):
    root, parent = ctypes.c_ulong(), ctypes.c_ulong()
    children, n = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not _x.XQueryTree(dpy, w, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(n)):
        return
    kids = [children[i] for i in range(n.value)]
    if children:
        _x.XFree(children)
    for k in kids:
        yield k
        yield from _windows(dpy, k)


def close_window(display, title):
    """Send WM_DELETE_WINDOW to every window named `title`; returns how many got it."""
    dpy = _x.XOpenDisplay(display.encode())
    if not dpy:
        raise RuntimeError(f"cannot open X display {display}")
    try:
        protocols = _x.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
        delete = _x.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
        sent = 0
        for w in _windows(dpy, _x.XDefaultRootWindow(dpy)):
            name = ctypes.c_char_p()
            if _x.XFetchName(dpy, w, ctypes.byref(name)) and name.value:
                matches = name.value.decode(errors="replace") == title
                _x.XFree(ctypes.cast(name, ctypes.c_void_p))
                if matches:
                    ev = _Event()
                    ev.xclient.type = CLIENT_MESSAGE
                    ev.xclient.window = w
                    ev.xclient.message_type = protocols
                    ev.xclient.format = 32
                    ev.xclient.data[0] = delete
                    ev.xclient.data[1] = 0  # CurrentTime
                    _x.XSendEvent(dpy, w, 0, 0, ctypes.byref(ev))
                    sent += 1
        _x.XFlush(dpy)
        return sent
    finally:
        _x.XCloseDisplay(dpy)
