"""Reading a passphrase or recovery key for the command line: from a file, from standard input ('-'),
or by a prompt without echo. A secret never comes from argv or the environment."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from tyokykyapp.domain import UserError
from tyokykyapp.i18n import _


def read_secret_file(path: str) -> str:
    """The first line of the file (or of standard input for '-'), without its line ending."""
    try:
        if path == "-":
            line = sys.stdin.readline()
        else:
            with Path(path).open(encoding="utf-8") as handle:
                line = handle.readline()
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(
            _("Cannot read the secret from {path}: {reason}").format(
                path=path, reason=getattr(error, "strerror", None) or error.__class__.__name__
            )
        ) from None
    secret = line.rstrip("\r\n")
    if not secret:
        raise UserError(_("The secret file {path} is empty.").format(path=path))
    return secret


def prompt_secret(prompt: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise UserError(_("No passphrase given: use --passphrase-file FILE (or - for standard input)."))
    secret = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Type it again: ")) != secret:
        raise UserError(_("The two passphrases differ."))
    return secret
