"""Compile (sixth floor): a ``Policy`` made into matchers that run fast.

Owns the compiler (``compiler``: ``CompiledPolicy``), the spaCy pipeline, the RE2 pre-pass
(``regexset``), frozen regexes and tokenizer freezing for pickles, and the compiled-policy cache
(``cache``). May import ``policy``, ``governance``, ``checks``, ``text``, ``model``, ``errors``,
``version``.
"""
