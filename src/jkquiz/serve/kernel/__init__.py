"""Code a lesson's kernel runs for the course server (the warm-up its kernelspec starts with). Nothing is
imported here, so a kernel pays only for what it uses."""
