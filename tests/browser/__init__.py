"""Browser tests: the course in Chromium as a learner uses it (see conftest.py)."""
