"""Moved to jkquiz.notebook.quiz (the notebook-facing calls live in jkquiz.notebook); kept so older imports work."""

from jkquiz.notebook.quiz import ask, course_bank, quiz

__all__ = ["ask", "course_bank", "quiz"]
