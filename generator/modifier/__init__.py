"""``cpts modifier``: the bundle an extraordinary general assembly needs to amend the statuts.

``articles`` reads a statuts text into its articles, ``compare`` matches the text in force with
the new one and diffs them word by word, ``age`` reads the AGE's answers and holds them to the
quorum and majority of the statuts in force (rules ``E-AGE-…``), ``documents`` renders the four
documents, ``command`` is the click command.
"""
