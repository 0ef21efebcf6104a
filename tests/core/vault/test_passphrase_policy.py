import pytest

from tyokykyapp.vault import passphrase_problem


@pytest.mark.parametrize(
    ("passphrase", "why"),
    [
        ("lyhyt sana", "at least 12"),
        ("aaaaaaaaaaaaaaa", "same characters"),
        ("abababababababab", "same characters"),
        ("qwertyuiopåasd", "run of keys"),
        ("1234567890123", "run of keys"),
        ("qwertyuiopå", "at least 12"),
        ("qwertyuiopåqw", "run of keys"),
        ("9876543210987", "run of keys"),
        ("abcdefghijklmn", "run of keys"),
        ("Salasana12345", "easy to guess"),
        ("password2026!", "easy to guess"),
        ("Lösenord123456", "easy to guess"),
        ("qwertyqwerty", "run of keys"),
        ("qwertyuiopas", "run of keys"),
        ("1234567890qw", "run of keys"),
        ("123123123123", "same characters"),
        ("Kesä2024Kesä2024", "same characters"),
        ("kissa kissa kissa", "same characters"),
    ],
)
def test_obvious_passphrases_are_refused_with_a_reason(passphrase: str, why: str) -> None:
    problem = passphrase_problem(passphrase)
    assert problem is not None and why in problem


@pytest.mark.parametrize(
    "passphrase",
    [
        "kolme pientä kissaa hyppii",
        "salasanakirja on hyvä kirja",
        "Mökki järven rannalla 1987",
        "🐱🐶🐭🐹🐰🦊🐻🐼🐨🐯🦁🐮",
        "qwerty ja kolme kissaa",
        "Kesä 2024 oli lämmin",
    ],
)
def test_good_passphrases_pass(passphrase: str) -> None:
    assert passphrase_problem(passphrase) is None
