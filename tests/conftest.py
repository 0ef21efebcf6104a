"""Shared fixtures: every test runs with its own temporary data and config folders, never the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.vaults import FAST_KDF, PASSPHRASE
from tyokykyapp.i18n import current_language, set_language
from tyokykyapp.vault import Vault


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_kdf: use the production Argon2id parameters")
    config.addinivalue_line("markers", "frozen: runs the built program (python3 bootstrap.py installer runs these)")


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for name, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.setenv("TYOKYKY_VAULT", str(home / "default-vault"))
    monkeypatch.delenv("TYOKYKY_LANG", raising=False)
    monkeypatch.delenv("TYOKYKY_BACKUPS", raising=False)  # backups go to the data folder above
    language = current_language()
    set_language("en")
    yield
    set_language(language)


@pytest.fixture(autouse=True)
def fast_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_kdf") is None:
        monkeypatch.setattr("tyokykyapp.vault.vault.calibrated_params", lambda: FAST_KDF)


@pytest.fixture
def vault_folder(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault_and_key(vault_folder: Path) -> Iterator[tuple[Vault, str]]:
    vault, recovery_key = Vault.create(vault_folder, PASSPHRASE)
    yield vault, recovery_key
    vault.close()


@pytest.fixture
def vault(vault_and_key: tuple[Vault, str]) -> Vault:
    return vault_and_key[0]
