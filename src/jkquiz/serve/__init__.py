"""Course servers: `jkquiz lab` (JupyterLab) and `jkquiz app` (Voilà), and the contents page.

Nothing is imported here. The contents page a kernel shows is jkquiz.notebook.contents.
"""
