"""DOCX output: the rendered Markdown laid out in Word, on a reference document's styles.

``generator.api`` imports it only when a DOCX or PDF is asked for, so ``cpts check`` never pays
for it. python-docx (about 75 ms to import) is used only to check and prepare a reference
document; the default reference ships prepared, so a render on it never imports python-docx.

- ``reference``: the reference document (default or ``--modele-word``), read and checked;
- ``styles`` and ``prepare`` (python-docx): the reference's styles, header, footer and list
  definitions, prepared once into a ``skeleton``;
- ``convert``: Markdown tokens (markdown-it-py) → a copy of the skeleton, markers included;
- ``numbering``: bullets and numbered lists; ``ooxml``: the body's XML (paragraphs, runs,
  tables) written with lxml in schema order; ``package``: deterministic bytes;
- ``verify``: every DOCX reopens before it is published;
- ``make_reference``: the script that writes the default reference document and its skeleton.
"""
