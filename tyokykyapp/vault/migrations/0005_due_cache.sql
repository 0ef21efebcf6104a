-- The due rules' results kept per client, so Today reads a few small rows per client instead of deriving
-- every open client's facts from their records each time (a 10,000-client caseload: ~0.7 s after unlock).
--   due_cache:       one row per client: the candidates below hold on every day in [valid_from, valid_until);
--                    an empty valid_until means "recompute" (new client, or the client or a record changed).
--   due_cache_items: the client's candidates (kind, due date) and the first day each is listed.
-- The app computes the rows (the rules live in Python) and the triggers here only invalidate, so a write
-- through any path (edit, import, purge, restore) can never leave a stale due item behind.

CREATE TABLE due_cache (
    client_id TEXT PRIMARY KEY,
    valid_from TEXT NOT NULL,
    valid_until TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE due_cache_items (
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    listed_from TEXT NOT NULL,
    PRIMARY KEY (client_id, kind, due_on)
) WITHOUT ROWID;

INSERT INTO due_cache (client_id, valid_from, valid_until) SELECT id, '', '' FROM clients;

CREATE TRIGGER clients_due_cache_insert AFTER INSERT ON clients BEGIN
    INSERT OR REPLACE INTO due_cache (client_id, valid_from, valid_until) VALUES (new.id, '', '');
END;
CREATE TRIGGER clients_due_cache_update AFTER UPDATE ON clients BEGIN
    UPDATE due_cache SET valid_until = '' WHERE client_id IN (old.id, new.id);
END;
CREATE TRIGGER clients_due_cache_delete AFTER DELETE ON clients BEGIN
    DELETE FROM due_cache WHERE client_id = old.id;
    DELETE FROM due_cache_items WHERE client_id = old.id;
END;
CREATE TRIGGER records_due_cache_insert AFTER INSERT ON records WHEN new.client_id IS NOT NULL BEGIN
    UPDATE due_cache SET valid_until = '' WHERE client_id = new.client_id;
END;
CREATE TRIGGER records_due_cache_update AFTER UPDATE ON records
WHEN old.client_id IS NOT NULL OR new.client_id IS NOT NULL BEGIN
    UPDATE due_cache SET valid_until = '' WHERE client_id IN (old.client_id, new.client_id);
END;
CREATE TRIGGER records_due_cache_delete AFTER DELETE ON records WHEN old.client_id IS NOT NULL BEGIN
    UPDATE due_cache SET valid_until = '' WHERE client_id = old.client_id;
END;
