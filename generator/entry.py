"""The ``cpts`` command's entry point: tune the garbage collector, run the command line, leave fast.

A run allocates hundreds of thousands of objects that live until the process ends (modules,
compiled templates, Markdown tokens, XML trees) and almost none in reference cycles, yet CPython's
cyclic collector scans the young ones every 700 allocations and all of them again and again. The
command collects less often and freezes what the imports created (``gc.freeze``), so later
collections never scan it. The collector still runs: a batch worker's memory stays bounded.

At the end, once the standard streams are flushed, the process ends with ``os._exit`` rather than
by freeing every object and module one by one (mypy does the same): every file the command writes
is closed and synced before, and it leaves no exit handler that matters. A reader that closes the
pipe early (``cpts schema | head``) ends the command quietly, with the I/O failure's code.
Only the command, which owns its process, does this; the library leaves the process alone.

The command also owns its signals: SIGTERM (what ``timeout``, systemd and a cancelled CI job send)
is handled as Ctrl-C is, so every cleanup that runs on an interruption (staging folders removed,
worker processes stopped) runs on it too. And its standard streams write what they cannot encode
(a lone surrogate in a file name given on the command line) as an escape rather than failing.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from generator.errors import ExitCode

# Young objects collected every 50 000 allocations instead of 700; the older generations as usual.
GC_THRESHOLDS = (50_000, 10, 10)
EXIT_IO = ExitCode.IO  # as an output the system could not write


def main() -> NoReturn:
    """Run ``cpts`` and end the process with its exit code."""
    gc.set_threshold(*GC_THRESHOLDS)
    signal.signal(signal.SIGTERM, interrupt)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a test may have put another stream
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    from generator.cli import main as cli_main  # noqa: PLC0415  # after the collector is tuned

    gc.freeze()
    try:
        cli_main()
        code = 0
    except SystemExit as exit_:
        code = _code(exit_.code)
    except BrokenPipeError:
        code = EXIT_IO
    leave(code)


def interrupt(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into the same interruption as Ctrl-C (``KeyboardInterrupt``)."""
    raise KeyboardInterrupt


def _code(value: object) -> int:
    """Return the exit code of ``sys.exit(value)``, printing a message as Python does."""
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    print(value, file=sys.stderr)
    return 1


def leave(code: int) -> NoReturn:
    """Flush the standard streams and end the process at once with ``code``."""
    for stream in (sys.stdout, sys.stderr):
        # A reader closed the pipe, or the stream is closed: nothing more can be said.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
