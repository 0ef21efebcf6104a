"""Every user-visible string has its Finnish and Swedish translation, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from tyokykyapp.domain import Phase
from tyokykyapp.i18n import _, set_language
from tyokykyapp.i18n.catalog import catalog_text, parse_po
from tyokykyapp.i18n.extract import missing_translations, render_catalog, source_messages

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_message_is_translated(language: str) -> None:
    assert missing_translations(language) == []


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_translations_keep_the_placeholders(language: str) -> None:
    messages, _plurals = parse_po(catalog_text(language))
    for msgid, translation in messages.items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(translation)), msgid


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalog_is_in_step_with_the_sources(language: str) -> None:
    """Regenerating the catalog changes nothing: no stale ids, none missing (run the extractor if this fails)."""
    current = catalog_text(language)
    assert render_catalog(language, source_messages(), current).strip() == current.strip()


def test_language_switch_changes_labels() -> None:
    set_language("fi")
    assert Phase.JOB_SEARCH.label == "Työnetsintä" and _("Wrong passphrase.") == "Väärä tunnuslause."
    set_language("sv")
    assert Phase.JOB_SEARCH.label == "Arbetssökande"
    set_language("en")
    assert Phase.JOB_SEARCH.label == "Job search"
    with pytest.raises(ValueError):
        set_language("de")


def test_po_parser_handles_continuations_and_escapes() -> None:
    messages, plurals = parse_po(
        'msgid ""\nmsgstr "header"\n\nmsgid "a \\"b\\""\nmsgstr ""\n"c\\n"\n"d"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "yksi"\nmsgstr[1] "monta"\n'
    )
    assert messages == {'a "b"': "c\nd"}
    assert plurals == {"one": ("yksi", "monta")}


@pytest.mark.parametrize(
    "text", ['tab\there "quoted" back\\slash\nnew line', "ääkköset ja emoji 🙂", "\\n is not a newline"]
)
def test_po_strings_read_back_as_written(text: str) -> None:
    from tyokykyapp.i18n.extract import _quote

    messages, _plurals = parse_po(f"msgid {_quote('k')}\nmsgstr {_quote(text)}\n")
    assert messages == {"k": text}


def test_po_escapes_our_writer_never_uses_are_still_read() -> None:
    assert parse_po('msgid "k"\nmsgstr "\\x41\\u00e4"\n')[0] == {"k": "Aä"}
