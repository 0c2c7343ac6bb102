"""Engine (seventh floor): a compiled policy run over posts.

Owns running the checks and assembling findings (``check``: ``check_posts``), inline suppressions,
scoring, and running over paths and exports (``run``). May import ``compile`` and every layer
below it.
"""
