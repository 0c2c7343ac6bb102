"""The HTML audit report's parts (``audit_html.py`` assembles them into the page).

``columns``: which export columns name the channel, author and date, and dates read as months;
``stats``: the counters kept while records stream; ``excerpts``: matched words in context and
findings marked in a post's text; ``svg``: the charts; ``sections``: the page's HTML sections;
``style``: the inline stylesheet and sorting script.
"""
