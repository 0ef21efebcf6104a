"""Finding every translatable string in the sources and keeping the `.po` catalogs in step.

Run `python -m tyokykyapp.i18n.extract` after adding strings: it adds the new message ids to each
catalog (untranslated) and drops ids no longer used. A test fails while any id lacks a translation.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tyokykyapp.i18n.catalog import DOMAIN, parse_po

ROOT = Path(__file__).resolve().parents[2]
SOURCE_PACKAGES = ("tyokykyapp", "ui")
TRANSLATED = ("fi", "sv")
_MARKERS = {"_": 1, "N_": 1, "ngettext": 2}


@dataclass(frozen=True)
class Message:
    msgid: str
    plural: str | None
    where: str


def _messages_in(path: Path) -> Iterator[Message]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        count = _MARKERS.get(name or "")
        if not count or len(node.args) < count:
            continue
        texts = [arg.value for arg in node.args[:count] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if len(texts) == count:
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            yield Message(texts[0], texts[1] if count == 2 else None, where)


def source_messages() -> dict[str, Message]:
    found: dict[str, Message] = {}
    for package in SOURCE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for message in _messages_in(path):
                found.setdefault(message.msgid, message)
    return found


def catalog_path(language: str) -> Path:
    return ROOT / "tyokykyapp" / "i18n" / "locale" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def render_catalog(language: str, messages: dict[str, Message], existing: str) -> str:
    translated, plurals = parse_po(existing)
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {language}\\n"',
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        "",
    ]
    for msgid in sorted(messages, key=lambda m: (messages[m].where.split(":")[0], m)):
        message = messages[msgid]
        lines.append(f"#: {message.where.split(':')[0]}")
        lines.append(f"msgid {_quote(msgid)}")
        if message.plural is not None:
            one, many = plurals.get(msgid, ("", ""))
            lines += [f"msgid_plural {_quote(message.plural)}", f"msgstr[0] {_quote(one)}", f"msgstr[1] {_quote(many)}"]
        else:
            lines.append(f"msgstr {_quote(translated.get(msgid, ''))}")
        lines.append("")
    return "\n".join(lines)


def missing_translations(language: str) -> list[str]:
    translated, plurals = parse_po(catalog_path(language).read_text(encoding="utf-8"))
    missing = []
    for msgid, message in source_messages().items():
        if message.plural is not None:
            if not all(plurals.get(msgid, ("", ""))):
                missing.append(msgid)
        elif not translated.get(msgid):
            missing.append(msgid)
    return missing


def main() -> int:
    messages = source_messages()
    for language in TRANSLATED:
        path = catalog_path(language)
        path.write_text(render_catalog(language, messages, path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"{language}: {len(messages)} messages, {len(missing_translations(language))} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
