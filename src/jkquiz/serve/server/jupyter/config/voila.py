# Voilà settings for `jkquiz app` (passed with --Voila.config_file_paths; the command line adds the rest).
import os

from jkquiz.i18n import get_language
from jkquiz.serve.server.voila_hooks import set_xsrf_cookie

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - provided by traitlets when it loads this file

# Leaving a page shuts its kernel down; this lets that request through (see voila_hooks).
c.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
# The page frame in the course's language: <html lang>, and the loading text (templates/jkquiz/index.html.j2).
c.HTMLExporter.language_code = get_language()
# The course's stylesheet in every page (templates/jkquiz/index.html.j2).
c.VoilaExporter.filters = {"jkquiz_text": "jkquiz.serve.server.voila_text.text",
                           "jkquiz_stylesheet": "jkquiz.serve.server.voila_hooks.stylesheet"}
# A safety net for kernels whose page vanished without saying so (a crashed browser, a sleeping
# laptop): end those with no page connected and no activity for 9 minutes, checked every minute,
# so none outlives its page by more than 10 minutes. A page still open is never culled.
c.MappingKernelManager.cull_idle_timeout = int(os.environ.get("JKQUIZ_CULL_IDLE_SECONDS", "540"))
c.MappingKernelManager.cull_interval = int(os.environ.get("JKQUIZ_CULL_INTERVAL_SECONDS", "60"))
c.MappingKernelManager.cull_connected = False
