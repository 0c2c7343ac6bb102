"""Policy (fifth floor): from YAML to a resolved ``Policy``.

Owns YAML loading with line numbers (``yamlio``), validation and the JSON Schemas (``validation``,
``schema``), finding bundled data (``resources``), rule packs (``packs``), ``extends`` and
resolution (``loader``: ``load_policy``, ``Policy``) and discovering a project's configuration
(``config``). May import ``governance``, ``checks``, ``text``, ``model``, ``errors``, ``version``.
"""
