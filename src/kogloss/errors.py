"""The one error type that reaches the user as a single line and exit code 2.

Every loader raises :class:`InputError` with the file and, where known, the place, so the CLI
can print ``path:line:column: message`` without a traceback, whatever went wrong.
"""

from __future__ import annotations


class InputError(Exception):
    """Bad input that the user must fix: unreadable, undecodable, malformed or missing."""

    def __init__(
        self, path: str, message: str, line: int | None = None, column: int | None = None
    ) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        super().__init__(self.render())

    def render(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"
