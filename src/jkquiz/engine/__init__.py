"""Selecting, grading and running quizzes; no ipywidgets, IPython or SQLite here."""

from jkquiz.engine.attempt import RECORDED, Attempt
from jkquiz.engine.explain import Explanation, Perspective, SourceNote, explain
from jkquiz.engine.grade import Verdict, answer_text, grade, parse_number
from jkquiz.engine.select import Layout, Selection, check_question, check_topics, lay_out, select_questions
from jkquiz.engine.session import AttemptHook, Feedback, QuizItem, QuizSession, Summary

__all__ = [
    "Attempt",
    "AttemptHook",
    "Explanation",
    "Feedback",
    "Layout",
    "Perspective",
    "RECORDED",
    "QuizItem",
    "QuizSession",
    "Selection",
    "SourceNote",
    "Summary",
    "Verdict",
    "answer_text",
    "check_question",
    "check_topics",
    "explain",
    "grade",
    "lay_out",
    "parse_number",
    "select_questions",
]
