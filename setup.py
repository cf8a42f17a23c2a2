"""Build hook: compile the templates into the package when the wheel is built.

The metadata lives in pyproject.toml; this file only adds one step to ``build_py``: once the
package is copied into the build folder, ``generator.compiled_templates`` compiles every template
there, so that an installed ``cpts`` reads compiled templates from its own package and never
compiles them again nor writes a cache anywhere. A failure leaves a working package that compiles
its templates in memory at each run (slower, same output): it is reported, not fatal.
"""

from __future__ import annotations

import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py

_COMPILE = (
    "import sys; sys.path.insert(0, sys.argv[1]); from generator.compiled_templates import main; main()"
)


class BuildPyWithTemplates(build_py):
    """``build_py``, then the templates compiled into the built package."""

    def run(self) -> None:
        """Copy the package, then compile its templates in a separate interpreter."""
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout: `python -m generator.compiled_templates`
        result = subprocess.run(
            [sys.executable, "-c", _COMPILE, self.build_lib], capture_output=True, text=True, check=False
        )
        if result.returncode == 0:
            self.announce(f"compiled templates: {result.stdout.strip()}", level=2)
        else:
            self.warn(f"templates not compiled (they will be at run time): {result.stderr.strip()}")


setup(cmdclass={"build_py": BuildPyWithTemplates})
