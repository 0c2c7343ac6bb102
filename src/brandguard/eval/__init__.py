"""``python -m brandguard.eval``: the documented command for detection quality, kept as an entry
point only. The code lives in ``brandguard.quality.eval``; this package imports nothing until run."""
