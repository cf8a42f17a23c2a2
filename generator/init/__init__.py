"""``cpts init``: the founders' questionnaire in the terminal, and the answers file it writes.

- ``schema_view``: what the JSON Schema says about one answer (title, default, choices) and
  whether a typed value fits it, in French;
- ``pourquoi``: one line per question on why the AVECsanté model makes its choice (data only);
- ``libelles``: the words a founder reads for the codes of the file (« illimitée », « oui »);
- ``themes``: the themes and their questions as data (key, condition, title), read by ``cpts serve``;
- ``terminal``: the prompt layer (click), and the interruption it raises;
- ``donnees``: the answers as nested data (read, set, merge at a path);
- ``engine``: asks one question, re-asks a refused answer, replays answers given (``retour``, drafts);
- ``listes``: the list questions of the engine; ``controle``: the rules on the answers so far;
- ``questions`` and ``fondateurs``: the questions of each theme, in the order of a founders' meeting;
- ``parcours``: the themes in order, a draft saved after each, ``retour`` and the resumption;
- ``writer``: the commented YAML file, written atomically, round-tripping ``--depuis``;
- ``command``: the modes of ``cpts init`` (questionnaire, draft, ``--modele``, ``--defauts``).
"""
