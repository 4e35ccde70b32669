"""The course as a static site (JupyterLite and Voici): `jkquiz site build DIR`, `jkquiz site serve DIR`."""
