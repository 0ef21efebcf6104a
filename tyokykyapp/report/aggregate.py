"""The aggregate file: one coach's tally for a period, to hand to a team lead or a funder's report without any
personal data, and the check that reads such a file back (docs/reports.md "Team figures").

It holds counts and distributions only: no names, ids, dates of birth, free text or dates other than the
period's two ends. A SHA-256 over its canonical JSON is written inside it: not a signature (anyone can make a
file), but a damaged or hand-edited file is refused. A file from someone else is hostile: its size is bounded
before it is read, and every field is checked against the tally's declaration before anything is added up.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tyokykyapp.domain import UserError
from tyokykyapp.i18n import _
from tyokykyapp.report.period import Period
from tyokykyapp.report.tally import COUNTS, DISTRIBUTIONS, Tally
from tyokykyapp.vault.files import write_atomically

FORMAT = "tyokyky-report-aggregate"
VERSION = 1
MAX_BYTES = 1_000_000  # a real file is a few kilobytes
MAX_COUNT = 10_000_000
MAX_COACHES = 10_000
MAX_BUCKETS = 4_000  # the longest distribution (days, up to ten years) has 3,661 buckets
_KEYS = {"format", "version", "period", "coaches", "counts", "distributions", "sha256"}


def _canonical(content: dict[str, Any]) -> bytes:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def aggregate_document(tally: Tally) -> dict[str, Any]:
    content: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "period": {"from": tally.period.first.isoformat(), "to": tally.period.last.isoformat()},
        "coaches": tally.coaches,
        "counts": dict(tally.counts),
        "distributions": {name: {k: n for k, n in dist.items() if n} for name, dist in tally.dists.items()},
    }
    return content | {"sha256": hashlib.sha256(_canonical(content)).hexdigest()}


def aggregate_bytes(tally: Tally) -> bytes:
    return json.dumps(aggregate_document(tally), sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")


def write_aggregate(path: Path, tally: Tally) -> None:
    write_atomically(path, aggregate_bytes(tally))


class _Refused(Exception):
    """A field of the file is not what an aggregate file holds."""


def _count(value: Any, least: int = 0, most: int = MAX_COUNT) -> int:
    if type(value) is not int or not least <= value <= most:
        raise _Refused
    return value


def _dict(value: Any, keys: set[str] | None = None) -> dict[str, Any]:
    if not isinstance(value, dict) or (keys is not None and set(value) != keys):
        raise _Refused
    return value


def _day(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise _Refused
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Refused from None


def _tally(document: Any) -> Tally:
    doc = _dict(document, _KEYS)
    if doc["format"] != FORMAT or _count(doc["version"]) != VERSION:
        raise _Refused
    period_ = _dict(doc["period"], {"from", "to"})
    try:
        period = Period(_day(period_["from"]), _day(period_["to"]))
    except UserError:
        raise _Refused from None
    tally = Tally(period, _count(doc["coaches"], 1, MAX_COACHES))
    counts = _dict(doc["counts"], set(COUNTS))
    for name in COUNTS:
        tally.counts[name] = _count(counts[name])
    dists = _dict(doc["distributions"], set(DISTRIBUTIONS))
    for name, allowed in DISTRIBUTIONS.items():
        dist = _dict(dists[name])
        if len(dist) > MAX_BUCKETS or not all(isinstance(k, str) and allowed(k) for k in dist):
            raise _Refused
        tally.dists[name] = {bucket: _count(n) for bucket, n in dist.items()}
    return tally


def read_aggregate(path: Path) -> Tally:
    """The tally in an aggregate file, or UserError with one plain line saying why it is refused."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)) from None
    if len(data) > MAX_BYTES:
        raise UserError(_("{path} is too large to be an aggregate file.").format(path=path))
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UserError(_("{path} is not an aggregate file of a Työkyky report.").format(path=path)) from None
    try:
        tally = _tally(document)
    except _Refused:
        raise UserError(_("{path} is not an aggregate file of a Työkyky report.").format(path=path)) from None
    content = {k: v for k, v in document.items() if k != "sha256"}
    if document["sha256"] != hashlib.sha256(_canonical(content)).hexdigest():
        raise UserError(_("{path} has been changed or damaged: its checksum does not match.").format(path=path))
    return tally


def combine(tallies: Sequence[Tally]) -> Tally:
    """The team's tally: every count and distribution added up (the files must cover the same period)."""
    if not tallies:
        raise UserError(_("Give at least one aggregate file to combine."))
    periods = {t.period for t in tallies}
    if len(periods) > 1:
        raise UserError(_("The aggregate files cover different periods; make them all for the same period."))
    total = tallies[0]
    for tally in tallies[1:]:
        total = total + tally
    return total
