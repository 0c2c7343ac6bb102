"""Text (second floor): what a post is and what can be counted in it, with no policy in sight.

Owns reading files and exports into posts (``sources``, ``formats``, ``document``), blanks and
quoting (``spacing``), sentences, measures, syllables, how platforms count characters
(``platforms``), inflected variants of a phrase (``inflection``) and the user's cache directory
for small pickled stores (``store``). May import ``model``, ``errors`` and ``version`` only.
"""
