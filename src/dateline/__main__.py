"""`python -m dateline ...`: the same command line as `dateline ...` (handy in a checkout without an install)."""

from .cli import app

app(prog_name="dateline")
