"""Measuring brandguard from outside (a corner nothing else imports): detection quality on labelled
data (``eval``, run as ``python -m brandguard.eval``), its statistics (``stats``: ROC AUC, precision
and recall) and peer linters in throwaway virtual environments (``peers``).

May import brandguard's public API (``brandguard.check_texts``, ``brandguard.load_policy``) and
anything below it; no other module of brandguard may import ``quality`` (contract in
``.importlinter``).
"""
