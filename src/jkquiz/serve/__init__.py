"""Course servers: `jkquiz lab` (JupyterLab) and `jkquiz app` (Voilà), split by the process each part runs in.

- launcher/  the `jkquiz lab` / `jkquiz app` process: checks, prepares and starts a server, then stops it
             and its kernels (also `python -m jkquiz.hub.start` on a hub: launcher.paths.server_env).
- server/    runs inside the Jupyter or Voilà server: Voilà's hooks and page-frame text, named by dotted
             name in server/jupyter/config/voila.py, and the Jupyter config and data files (templates, fonts).
- kernel/    runs inside a lesson's kernel: the warm-up its kernelspec starts with (launcher.kernelspec).
- files.py   shared: where the server's Jupyter files are.

The three parts never import each other (import-linter, pyproject.toml); they meet only through
dotted names in strings and files, which tests/test_serve_split.py checks resolve.
Nothing is imported here. contents.py is an old name of jkquiz.notebook.contents, kept for older imports.
"""
