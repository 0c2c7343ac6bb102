"""Run ``brandguard.quality.eval`` (``python -m brandguard.eval FILE --positive LABEL ...``)."""

from brandguard.quality.eval import main

raise SystemExit(main())
