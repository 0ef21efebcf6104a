-- A client handed over to another coach is read-only here and leaves the caseload counts and the due list
-- (the client list still finds them with its "handed over" filter). The few such clients are found through
-- this small index, so the counts and lists of everyone else keep their own indexes.
CREATE INDEX clients_handed_over ON clients (phase, maintenance_level)
    WHERE deleted_at IS NULL AND json_extract(data, '$.handed_over_on') IS NOT NULL;

-- Their kept due results go: recomputed, they are empty.
UPDATE due_cache SET valid_until = ''
    WHERE client_id IN (SELECT id FROM clients WHERE json_extract(data, '$.handed_over_on') IS NOT NULL);
