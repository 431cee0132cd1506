"""``python -m bilat``."""

from bilat.cli import main

main()
