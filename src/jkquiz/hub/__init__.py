"""jkquiz on JupyterHub: the course in every learner's server, and the class's records gathered for the report.

- `start`      the single-user start command: places the course in the learner's home, keeps the progress
               file there, then runs `jupyterhub-singleuser` (`python -m jkquiz.hub.start`).
- `authorizer` the single-user servers' authorizer: the collector service may only read progress files.
- `client`     a small client of the hub's REST API and of the single-user servers' contents API.
- `gather`     `jkquiz collect`: every learner's progress file read through the hub, written as exports.

JupyterHub owns people, servers and scale; jkquiz owns the course in each server and the class report.
"""

COURSE_FOLDER = "jkquiz-course"  # in the learner's home: the course's notebooks, theirs to run and annotate
PROGRESS_FOLDER = "jkquiz-progress"  # in the learner's home: JKQUIZ_HOME, the learner's own progress file
COLLECT_SERVICE = "jkquiz-collect"  # the hub service whose token `jkquiz collect` uses (read-only in servers)
