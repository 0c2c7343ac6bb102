"""Governance (fourth floor): a policy's governance sections turned into rules.

Owns terminology, tone, channels (per-platform limits) and their messages, and ``rules``, which
expands them all into ``RuleSpec``s; each module also carries the JSON Schema of its section. May
import ``checks``, ``text``, ``model``, ``errors`` and ``version``; never ``policy`` or above.
"""
