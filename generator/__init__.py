"""cpts: generate the founding documents of a CPTS association from one YAML answers file.

The library is usable without the CLI::

    from generator import load_answers
    model = load_answers("examples/cpts-avecsante.yaml")
"""

from generator.api import check_file, load_answers

__all__ = ["check_file", "load_answers"]
__version__ = "0.1.0"
