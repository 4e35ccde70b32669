"""Learner progress: attempts in SQLite, spaced-repetition review cards (FSRS), export and import.

No ipywidgets or IPython here; fsrs is imported only when a card is updated.
"""

from jkquiz.progress.opening import open_or_fallback, open_store, progress_path
from jkquiz.progress.records import CardState
from jkquiz.progress.schedule import DueItem, plan_review
from jkquiz.progress.schema import SCHEMA_VERSION, StoreProblem
from jkquiz.progress.store import ProgressStore
from jkquiz.progress.summary import Overview, TopicProgress, current_hashes, due_phrase, topic_progress
from jkquiz.progress.transfer import ImportReport, import_file, write_export

__all__ = [
    "SCHEMA_VERSION",
    "CardState",
    "DueItem",
    "ImportReport",
    "ProgressStore",
    "StoreProblem",
    "Overview",
    "TopicProgress",
    "current_hashes",
    "due_phrase",
    "import_file",
    "open_or_fallback",
    "open_store",
    "plan_review",
    "progress_path",
    "topic_progress",
    "write_export",
]
