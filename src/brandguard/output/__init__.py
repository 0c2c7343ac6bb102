"""Output (eighth floor): everything written for people and machines.

Owns the reporters (``reporters/``), audit writers and the HTML page (``audit``, ``audit_html``),
fixes, baselines, rule explanations (``explain``), the starter policy of ``brandguard init``
(``starter``) and atomic writes (``atomic``). May import ``engine`` and every layer below it;
never ``cli``, ``api`` or ``quality``.
"""
