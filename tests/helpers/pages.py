"""The decrypted bytes of every page of a SQLCipher 4 database file or write-ahead log, read straight from the
file with the data key (no SQLite, no rekey): free pages and old log frames included, which no query reads.
Tests scan them for what must not be there any more."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80  # SQLCipher 4: a 16-byte IV and a 64-byte HMAC-SHA512 at the end of every page
SALT = 16  # the first 16 bytes of page 1 are the file's salt, in the clear
WAL_HEADER, FRAME_HEADER = 32, 24


def decrypt_page(page: bytes, number: int, data_key: bytes) -> bytes:
    start = SALT if number == 1 else 0
    iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(data_key), modes.CBC(iv)).decryptor()
    return decryptor.update(page[start : PAGE_SIZE - RESERVE]) + decryptor.finalize()


def database_pages(path: Path, data_key: bytes) -> list[bytes]:
    data = path.read_bytes()
    return [
        decrypt_page(data[offset : offset + PAGE_SIZE], offset // PAGE_SIZE + 1, data_key)
        for offset in range(0, len(data) - PAGE_SIZE + 1, PAGE_SIZE)
    ]


def wal_pages(path: Path, data_key: bytes) -> list[bytes]:
    if not path.exists():
        return []
    data = path.read_bytes()
    pages = []
    offset = WAL_HEADER
    while offset + FRAME_HEADER + PAGE_SIZE <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        frame = data[offset + FRAME_HEADER : offset + FRAME_HEADER + PAGE_SIZE]
        pages.append(decrypt_page(frame, number, data_key))
        offset += FRAME_HEADER + PAGE_SIZE
    return pages


def plaintext(database: Path, data_key: bytes) -> bytes:
    """Every page of the database and of its log, decrypted, one after the other."""
    wal = database.with_name(database.name + "-wal")
    return b"".join(database_pages(database, data_key) + wal_pages(wal, data_key))


def looks_decrypted(database: Path, data_key: bytes) -> bool:
    """Page 1 after its salt holds SQLite's header fields: the page size (4096) and the format bytes."""
    first = database_pages(database, data_key)[0]
    return first[:2] == PAGE_SIZE.to_bytes(2, "big") and first[2] in (1, 2) and first[5:8] == b"\x40\x20\x20"
