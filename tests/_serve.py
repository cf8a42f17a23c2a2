"""Run ``cpts serve``'s application in a thread on a free port, for the web and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from generator.web.app import Settings, create_app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(folder: Path, jeton: str | None = None, loopback: bool = True) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 and yield the base address; stop the server afterwards."""
    port = free_port()
    app = create_app(Settings(folder, jeton=jeton, loopback=loopback))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("le serveur de test ne démarre pas")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
