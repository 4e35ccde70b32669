"""What a notebook calls: quiz() and ask() (quiz.py), review(), dashboard() and set_learner() (study.py), and the
course contents (contents.py). Nothing is imported here, so a kernel loads only what a cell uses."""
