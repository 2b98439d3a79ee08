"""Every error newsclaims raises on purpose, each with a code, in one place.

``UserError`` subclasses are the user's to fix (bad path, bad option, bad file):
the CLI prints ``error [CODE]: message`` and exits with the class's ``exit_status``
(2 for a usage error), never a traceback.
"""

from __future__ import annotations


class NewsclaimsError(Exception):
    """Base class; ``code`` is stable and may be searched for in the docs."""

    code = "NC000"
    exit_status = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class UserError(NewsclaimsError):
    """Something the user can fix; reported without a traceback, exit status 2."""

    code = "NC100"
    exit_status = 2


class InputNotFound(UserError):
    code = "NC101"


class UnsupportedInput(UserError):
    code = "NC102"


class BadOutput(UserError):
    code = "NC103"


class ModelNotFound(UserError):
    code = "NC104"


class MissingExtra(UserError):
    """An optional feature whose packages (an extra such as ``[trf]``) are not installed."""

    code = "NC106"


class TooManyErrors(NewsclaimsError):
    """More documents failed than ``--max-errors`` allows; exit status 1."""

    code = "NC200"
    exit_status = 1


class OutputFailed(NewsclaimsError):
    """The output broke mid-run (disk full, database connection lost); exit status 3.
    Every batch written before it is complete, so a re-run with --resume carries on."""

    code = "NC201"
    exit_status = 3


class GoldFormatError(UserError):
    code = "NC105"
