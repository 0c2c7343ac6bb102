"""The command line (top layer): click wiring only; the work happens in the layers below.

May import every layer (``output``, ``engine``, ``compile``, ``policy``, ``governance``, ``checks``,
``text``, ``model``, ``errors``, ``version``), never ``quality``. Keep imports of the heavy layers
inside the commands: ``brandguard --help`` must not import spaCy. ``app.py`` holds the group and
most commands, ``audit.py`` the audit command, ``options.py`` the options they share.
"""

from .app import cli, entry_point, main

__all__ = ["cli", "entry_point", "main"]
