"""Moved to jkquiz.notebook.study (the notebook-facing calls live in jkquiz.notebook); kept so older imports work."""

from jkquiz.notebook.study import (
    DEFAULT_LEARNER,
    LEARNER_KEY,
    NOTHING_YET,
    ProgressWarning,
    Recorder,
    dashboard,
    forget_store,
    learner,
    name_learner,
    overview,
    progress_store,
    recorder,
    review,
    set_learner,
    store_for,
)

__all__ = ["DEFAULT_LEARNER", "LEARNER_KEY", "NOTHING_YET", "ProgressWarning", "Recorder", "dashboard", "forget_store",
           "learner", "name_learner", "overview", "progress_store", "recorder", "review", "set_learner", "store_for"]
