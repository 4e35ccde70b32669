"""The class report: learners' progress exports in, scores by topic and item analysis out (`jkquiz report`)."""

from jkquiz.report.analysis import ClassReport, ItemRow, LearnerRow, Pick, analyse, class_report
from jkquiz.report.anonymize import anonymize, learner_code
from jkquiz.report.collect import ClassRecord, collect, expand_paths, learner_firsts
from jkquiz.report.render import render_csv, render_json, render_text

__all__ = [
    "ClassRecord",
    "ClassReport",
    "ItemRow",
    "LearnerRow",
    "Pick",
    "analyse",
    "anonymize",
    "class_report",
    "collect",
    "expand_paths",
    "learner_code",
    "learner_firsts",
    "render_csv",
    "render_json",
    "render_text",
]
