"""DOCX output: the rendered Markdown laid out in Word, on a reference document's styles.

Importing this package imports python-docx (tens of milliseconds): ``generator.api`` imports it
only when a DOCX or PDF is asked for, so ``cpts check`` never pays for it.

- ``convert``: Markdown tokens (markdown-it-py) → the document body, markers included;
- ``reference``: the reference document (default or ``--modele-word``) and its styles;
- ``numbering``: bullets and numbered lists; ``layout``: header and footer;
- ``ooxml``: the body's XML (paragraphs, runs, tables) written with lxml in schema order;
  ``package``: deterministic bytes;
- ``make_reference``: the script that wrote the default reference document.
"""
