r"""Make any text safe to print on a terminal or to write as JSON: no input character acts there.

Every message can quote the user's input (a key, a value, a file name from the command line).
A control character in it (ESC, BEL: a terminal reads them as commands and can retitle the
window or rewrite what was shown), a bidirectional override or a zero-width character (they
disguise the text around them), a lone surrogate (the terminal's encoder cannot write it: the
command would crash) or a non-character is shown as a visible ``\uXXXX`` escape instead. Line
feeds and tabs are kept only where the caller says so: our own multi-line messages keep theirs.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["UNSAFE", "escaped", "escaped_line"]

# Zero-width and bidirectional marks, isolates, line and paragraph separators, byte order mark,
# lone surrogates, the BMP's non-characters and the supplementary planes' (U+1FFFE, U+1FFFF…).
_INVISIBLE = (
    "\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
    "\ud800-\udfff\ufeff\ufdd0-\ufdef\ufff9-\ufffb\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
)
# Every C0 control as well (line feed and tab included): the set a one-line text must escape.
UNSAFE = "\x00-\x1f" + _INVISIBLE


@cache
def _unsafe(keep_layout: bool) -> re.Pattern[str]:
    """Compile the pattern on first use (a command that prints no message never pays for it)."""
    if keep_layout:  # our own messages are laid out with line feeds and tabs
        return re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_INVISIBLE}]")
    return re.compile(f"[{UNSAFE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escaped_line(text: str) -> str:
    """Return ``text`` on one line with every unsafe character (line feeds too) as an escape."""
    if text.isprintable():  # every unsafe character is a control, format, separator or unassigned
        return text
    return _unsafe(keep_layout=False).sub(_escape, text)


def escaped(text: str) -> str:
    """Return ``text`` with every unsafe character as an escape, keeping line feeds and tabs."""
    if text.isprintable():
        return text
    return _unsafe(keep_layout=True).sub(_escape, text)
