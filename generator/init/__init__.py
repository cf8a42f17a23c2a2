"""``cpts init``: the founders' questionnaire in the terminal, and the answers file it writes.

- ``schema_view``: what the JSON Schema says about one answer (title, default, choices) and
  whether a typed value fits it, in French;
- ``pourquoi``: one line per question on why the AVECsanté model makes its choice (data only);
- ``terminal``: the prompt layer (click), and the interruption it raises;
- ``engine``: asks one question, re-asks a refused answer, runs the rules on partial answers;
- ``questions``: the questions, grouped by theme in the order of a founders' meeting;
- ``writer``: the commented YAML file, written atomically, round-tripping ``--depuis``;
- ``command``: the modes of ``cpts init`` (questionnaire, ``--modele``, ``--defauts``).
"""
