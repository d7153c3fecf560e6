"""Prompt evaluation: run an eval set through a prompt version and backend, score every text,
compare two runs side by side and gate regressions (see :mod:`narrator.evals.runner` and
:mod:`narrator.evals.compare`)."""
