"""JupyterHub configuration for a class taking the jkquiz course: `jupyterhub -f hub/jupyterhub_config.py`.

What it sets up (see hub/README.md for the steps, and README.md's "Serving a class"):
- every learner's server starts with `python -m jkquiz.hub.start`, which puts the course in
  ~/jkquiz-course, keeps the learner's progress file in ~/jkquiz-progress (JKQUIZ_HOME), and opens
  00-start-here in JupyterLab;
- a `jkquiz-collect` service whose token lists learners and reads their servers, and which each server
  lets read only the progress file (jkquiz.hub.authorizer): the instructor's `jkquiz collect` uses it.

Settings come from the environment, so this file is used as it is:
  JKQUIZ_HUB_DIR             the hub's own files (database, cookie secret, and in trial mode the learners'
                             homes); default: ./jkquiz-hub
  JKQUIZ_HUB_BIND_URL        where the hub listens (default http://127.0.0.1:8000; put HTTPS in front of it)
  JKQUIZ_COLLECT_TOKEN       the collect service's token (make one with `openssl rand -hex 32`); no service
                             without it
  JKQUIZ_HUB_PROXY           the configurable-http-proxy program (default: the one on PATH)
  JKQUIZ_HUB_TRIAL_PASSWORD  trial mode: anyone logs in with any name and this password (DummyAuthenticator),
                             and every server runs as the hub's own system user with its home under
                             JKQUIZ_HUB_DIR/homes (SimpleLocalProcessSpawner). For a try-out and the tests
                             only: such servers can read each other's files. Without it: system accounts
                             (PAM) and one system user per learner (LocalProcessSpawner); for a real class,
                             set the authenticator your institution uses.
"""

import os
import shutil
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - defined by JupyterHub when it loads this file

HUB_DIR = Path(os.environ.get("JKQUIZ_HUB_DIR", "jkquiz-hub")).resolve()
HUB_DIR.mkdir(parents=True, exist_ok=True)
COURSE_START = "/lab/tree/jkquiz-course/00-start-here.ipynb"

c.JupyterHub.bind_url = os.environ.get("JKQUIZ_HUB_BIND_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = f"sqlite:///{HUB_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(HUB_DIR / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(HUB_DIR / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [os.environ.get("JKQUIZ_HUB_PROXY") or "configurable-http-proxy"]

# Every learner's server: the course set up in their home, then JupyterLab at 00-start-here.
c.Spawner.cmd = [sys.executable, "-m", "jkquiz.hub.start"]
c.Spawner.default_url = COURSE_START
c.Spawner.notebook_dir = "~"
c.Spawner.http_timeout = 120  # a busy machine starts JupyterLab slowly; the defaults made spawns fail here
c.Spawner.start_timeout = 120
if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.Spawner.args = ["--allow-root"]  # single-user servers refuse to run as root otherwise (trial mode as root)

# The instructor's collector: list learners, see their servers, reach them; nothing else on the hub.
collect_token = os.environ.get("JKQUIZ_COLLECT_TOKEN", "")
if collect_token:
    c.JupyterHub.services = [{"name": "jkquiz-collect", "api_token": collect_token}]
    c.JupyterHub.load_roles = [{
        "name": "jkquiz-collect",
        "description": "jkquiz collect: list learners and read their progress files",
        "scopes": ["list:users", "read:users:name", "read:servers", "access:servers"],
        "services": ["jkquiz-collect"],
    }]

trial_password = os.environ.get("JKQUIZ_HUB_TRIAL_PASSWORD", "")
if trial_password:
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = trial_password
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(HUB_DIR / "homes" / "{username}")
else:
    c.JupyterHub.authenticator_class = "pam"
    c.JupyterHub.spawner_class = "localprocess"
    # Learners must be system users; name them in c.Authenticator.allowed_users (or a group in
    # c.PAMAuthenticator.allowed_groups) in a file of your own that loads this one.

if not shutil.which(c.ConfigurableHTTPProxy.command[0]):
    print(f"jupyterhub_config: the proxy {c.ConfigurableHTTPProxy.command[0]!r} was not found; install it with "
          "`npm install` in hub/ and set JKQUIZ_HUB_PROXY=hub/node_modules/.bin/configurable-http-proxy",
          file=sys.stderr)
