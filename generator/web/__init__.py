"""``cpts serve``: the founders' questionnaire in the browser.

- ``formulaire``: the fields of a theme, from the schema and the question data of ``cpts init``;
- ``brouillons``: the drafts (answers files of one folder): list, create, change one answer, upload;
- ``verification``: the checks of ``cpts check`` on a draft, messages by field, and the preview;
- ``app``: the Starlette application (pages, security: token, CSRF, sizes, versions);
- ``commande``: the click command ``cpts serve``.
"""
