"""Course servers: `jkquiz lab` (JupyterLab) and `jkquiz app` (Voilà), and the contents page.

Nothing is imported here, so `jkquiz.serve.contents` stays light inside a kernel.
"""
