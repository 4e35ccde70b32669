# Voilà settings for `jkquiz app` (passed with --Voila.config_file_paths; the command line adds the rest).
from jkquiz.serve.voila_hooks import set_xsrf_cookie

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - provided by traitlets when it loads this file

# Leaving a page shuts its kernel down; this lets that request through (see voila_hooks).
c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
# A safety net for kernels whose page vanished without saying so (a crashed browser, a sleeping
# laptop): end those that have had no page connected and no activity for an hour.
c.MappingKernelManager.cull_interval = 300
c.MappingKernelManager.cull_idle_timeout = 3600
c.MappingKernelManager.cull_connected = False
