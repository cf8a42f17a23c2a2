"""Package data in the wheel: the templates (``models/``) and the schema (``schemas/``)."""
