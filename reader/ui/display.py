"""Whether Qt can open a window here, asked before it tries.

When Qt's platform plugin cannot load (a stock Ubuntu desktop lacks ``libxcb-cursor0``)
or there is no display at all, Qt prints a page about plugins and aborts the process
with signal 6, core dump included. Reader asks first, on Linux with the X11 plugin that
Qt would pick, and turns the problem into one line that names the cause and the fix.

Nothing here creates a Qt object: the checks load the plugin library the way Qt would
(so a missing system library is named by the loader itself) and open a connection to the
X server through libxcb.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})
"""Qt platforms that need no display server."""
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libX11-xcb.so.1": "libx11-xcb1",
}
"""The system libraries Qt's X11 plugin needs beyond a bare X client, by the Debian/Ubuntu package that has them."""
NO_DISPLAY = ("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset): "
              "use 'reader analyze FILE' for the analysis, or 'reader FILE --screenshot OUT.png' for a picture")
_LIBRARY = re.compile(r"(?:^|/)(lib[\w.+\-]+\.so[\w.]*): ")


def display_problem(environ: dict[str, str] | None = None, plugin: Path | None = None) -> str | None:
    """One line saying why Qt could not open a window here, or None when it can (or when we cannot tell)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform in HEADLESS_PLATFORMS:
        return None
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if platform == "wayland" or (not platform and wayland and not display):
        return None  # Qt's Wayland plugin reports its own problems without aborting first
    if not display:
        return NO_DISPLAY
    return plugin_problem(plugin or xcb_plugin()) or x_server_problem(display)


def xcb_plugin() -> Path:
    """Qt's X11 platform plugin in the installed PySide6 (found without importing Qt)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    base = Path(spec.origin).parent if spec and spec.origin else Path()
    return base / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def plugin_problem(plugin: Path) -> str | None:
    """Load the plugin as Qt would; a system library it needs and cannot find is named with its package."""
    if not plugin.is_file():
        return None  # another Qt layout: let Qt speak for itself
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as err:
        named = [name for name in _LIBRARY.findall(str(err)) if name != plugin.name]
        library = named[0] if named else None
        if library and library in DEBIAN_PACKAGES:
            fix = f"install it (Debian/Ubuntu: sudo apt install {DEBIAN_PACKAGES[library]})"
        elif library:
            fix = "install the system package that provides it"
        else:
            fix = "see the README for the system packages a desktop needs"
        return f"Qt's X11 display plugin cannot load {library or 'a system library'}: {fix}"
    return None


def x_server_problem(display: str) -> str | None:
    """Connect to the X server as Qt would; None when it answers (or when libxcb itself is absent)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return "Qt's X11 display plugin cannot load libxcb.so.1: install it (Debian/Ubuntu: sudo apt install libxcb1)"
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    if failed:
        return (f"cannot connect to the X display {display!r} (is the desktop session running?): "
                "use 'reader analyze FILE', or 'reader FILE --screenshot OUT.png', which need no display")
    return None
