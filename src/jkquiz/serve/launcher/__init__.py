"""The `jkquiz lab` / `jkquiz app` process: check the request, prepare a server's folder, environment and
kernelspec, start the server in the foreground and stop it and its kernels. Nothing is imported here."""
