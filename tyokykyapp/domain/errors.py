"""Errors the user can cause, as specific types; the GUI and the CLI turn them into plain sentences."""

from __future__ import annotations


class UserError(Exception):
    """Base of every error caused by input or circumstances rather than a bug. `str()` is the message."""


class ExplainedError(UserError):
    """A user error whose plain sentence comes from its type unless one is given."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message())

    def default_message(self) -> str:
        raise NotImplementedError


class ValidationError(UserError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFound(UserError):
    pass
