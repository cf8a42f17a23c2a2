"""A syrupy extension that stores each snapshot as one readable ``.md`` file."""

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode


class MarkdownSnapshotExtension(SingleFileSnapshotExtension):
    """One Markdown file per snapshot, so a jurist reads the diff of a template change."""

    _write_mode = WriteMode.TEXT
    file_extension = "md"
