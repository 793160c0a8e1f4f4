"""Entry point of the frozen program (installer.spec): the same command line as the wheel's."""

import sys

from khidmat_desk.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
