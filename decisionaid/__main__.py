import gc
import sys

gc.disable()  # from the very start; cli.main says why and turns it back on
from decisionaid.cli import main  # noqa: E402

sys.exit(main())
