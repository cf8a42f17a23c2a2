"""Run the command line as ``python -m generator``."""

from generator.entry import main

main()
