"""`python -m jkquiz.fonts build` regenerates the CJK font subsets; `check` lists characters they lack."""

import sys

from jkquiz.fonts.build import main

sys.exit(main())
