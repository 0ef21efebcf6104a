-- Clients, every other record as JSON, the revision history, and the vault's settings.
-- `seq` is an explicit INTEGER PRIMARY KEY so rowids stay stable across VACUUM (the search index uses them).

CREATE TABLE clients (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    phase TEXT NOT NULL,
    maintenance_level TEXT,
    phase_since TEXT NOT NULL,
    started_on TEXT NOT NULL,
    referral_source TEXT,
    data TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX clients_by_name ON clients (deleted_at, sort_name);
CREATE INDEX clients_by_phase ON clients (deleted_at, phase, maintenance_level, sort_name);

CREATE TABLE records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    client_id TEXT REFERENCES clients (id) ON DELETE CASCADE,
    on_date TEXT,
    data TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX records_by_client ON records (client_id, kind, on_date);
CREATE INDEX records_by_kind ON records (kind, on_date);

-- Earlier versions of clients and records; the current version stays in its own table.
CREATE TABLE revisions (
    record_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    kind TEXT NOT NULL,
    client_id TEXT,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    PRIMARY KEY (record_id, version)
);
CREATE INDEX revisions_by_client ON revisions (client_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
