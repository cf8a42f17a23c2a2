"""Drive ``cpts init`` through a real pseudo-terminal (pexpect) by answering its prompts.

A prompt is a line that starts at the left margin and ends with « : » (non-breaking space before
the colon) with nothing after it yet; the explanation lines above a question are indented, so
they never look like a prompt.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parent.parent
PROMPT = re.compile(r"(?:^|\n)([^ \r\n][^\r\n]*?)\u00a0: $")


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", "LC_ALL": "C.UTF-8"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "generator", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
    )
    child.delaybeforesend = None  # the prompts are read line by line: no need to wait before typing
    return child


class Driver:
    """Answer each prompt from a table of (regex, answer or list of answers); Entrée otherwise."""

    def __init__(self, child: pexpect.spawn, answers: list[tuple[str, str | list[str]]]) -> None:
        self.child = child
        self.answers = [(re.compile(pattern), value) for pattern, value in answers]
        self.prompts: list[str] = []
        self.transcript = ""

    def answer(self, prompt: str) -> str:
        for pattern, value in self.answers:
            if pattern.search(prompt):
                if isinstance(value, list):
                    return value.pop(0) if value else ""
                return value
        return ""

    def run(self, stop_at: str | None = None, limit: int = 400) -> int | None:
        """Answer prompts until the program ends (return its exit code) or ``stop_at`` is asked."""
        for _ in range(limit):
            index = self.child.expect([PROMPT, pexpect.EOF])
            self.transcript += self.child.before + (self.child.after if index == 0 else "")
            if index == 1:
                self.child.close()
                return int(self.child.exitstatus if self.child.exitstatus is not None else -1)
            prompt = self.child.match.group(1)
            self.prompts.append(prompt)
            if stop_at is not None and re.search(stop_at, prompt):
                return None
            self.child.sendline(self.answer(prompt))
        raise AssertionError("le questionnaire ne finit pas :\n" + self.transcript[-3000:])
