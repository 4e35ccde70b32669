"""Moved to jkquiz.notebook.contents (the notebook-facing calls live in jkquiz.notebook); kept so older imports work."""

from jkquiz.notebook.contents import ContentsPage, Entry, Score, contents, contents_html, learner_scores, read_entries

__all__ = ["ContentsPage", "Entry", "Score", "contents", "contents_html", "learner_scores", "read_entries"]
