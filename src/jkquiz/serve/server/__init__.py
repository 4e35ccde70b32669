"""Code the Jupyter or Voilà server process runs (hooks and template filters named in jupyter/config/voila.py),
beside the Jupyter config and data files it reads (jupyter/). Nothing is imported here."""
