-- The values the due rules read, per record, in a narrow table clustered by client and kind (as migration
-- 0004 began it), now with a named column per value instead of a, b, c, d, and the values of the new rules.
-- Each column is a declared field of its record kind (tyokykyapp/vault/due_facts.py lists them, and a test
-- holds this table to that list); NULL where the field does not belong to the row's kind. A plan's steps
-- get a row each (kind 'plan_step', `part` = the step's place in the plan + 1) so their deadlines can be
-- read without the plan's JSON. Values a record of an earlier version may lack read as the field's default.

DROP TRIGGER records_due_insert;
DROP TRIGGER records_due_update;
DROP TRIGGER records_due_delete;
DROP VIEW due_source;
DROP TABLE due_records;

CREATE TABLE due_records (
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    live INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    seq INTEGER NOT NULL,
    part INTEGER NOT NULL,
    next_meeting_on TEXT,     -- meeting
    status TEXT,              -- meeting
    meeting_kind TEXT,        -- meeting: its kind
    mode TEXT,                -- meeting, employer_contact
    place_type TEXT,          -- meeting
    review_on TEXT,           -- plan
    meeting_interval TEXT,    -- plan
    due_on TEXT,              -- plan_step
    done_on TEXT,             -- plan_step
    method TEXT,              -- consent
    valid_until TEXT,         -- consent
    withdrawn_on TEXT,        -- consent
    employment_kind TEXT,     -- employment: its kind
    end_on TEXT,              -- employment
    pay_subsidy INTEGER,      -- employment
    pay_subsidy_until TEXT,   -- employment
    expected_on TEXT,         -- waiting
    resolved_on TEXT,         -- waiting
    PRIMARY KEY (client_id, kind, live, on_date, seq, part)
) WITHOUT ROWID;

CREATE VIEW due_source AS
SELECT client_id, kind, deleted_at IS NULL AS live, on_date, seq, 0 AS part,
    CASE kind WHEN 'meeting' THEN json_extract(data, '$.next_meeting_on') END AS next_meeting_on,
    CASE kind WHEN 'meeting' THEN coalesce(json_extract(data, '$.status'), 'held') END AS status,
    CASE kind WHEN 'meeting' THEN coalesce(json_extract(data, '$.kind'), 'coaching') END AS meeting_kind,
    CASE kind WHEN 'meeting' THEN coalesce(json_extract(data, '$.mode'), 'face_to_face')
              WHEN 'employer_contact' THEN json_extract(data, '$.mode') END AS mode,
    CASE kind WHEN 'meeting' THEN json_extract(data, '$.place_type') END AS place_type,
    CASE kind WHEN 'plan' THEN json_extract(data, '$.review_on') END AS review_on,
    CASE kind WHEN 'plan' THEN json_extract(data, '$.meeting_interval') END AS meeting_interval,
    NULL AS due_on,
    NULL AS done_on,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.method') END AS method,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.valid_until') END AS valid_until,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.withdrawn_on') END AS withdrawn_on,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.kind') END AS employment_kind,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.end_on') END AS end_on,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.pay_subsidy') END AS pay_subsidy,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.pay_subsidy_until') END AS pay_subsidy_until,
    CASE kind WHEN 'waiting' THEN json_extract(data, '$.expected_on') END AS expected_on,
    CASE kind WHEN 'waiting' THEN json_extract(data, '$.resolved_on') END AS resolved_on
FROM records
WHERE client_id IS NOT NULL AND on_date IS NOT NULL
  AND kind IN ('meeting', 'plan', 'consent', 'employment', 'employer_contact', 'kykyviisari', 'waiting', 'closure')
UNION ALL
SELECT r.client_id, 'plan_step', r.deleted_at IS NULL, r.on_date, r.seq, s.key + 1,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    json_extract(s.value, '$.due_on'), json_extract(s.value, '$.done_on'),
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM records r, json_each(r.data, '$.steps') s
WHERE r.kind = 'plan' AND r.client_id IS NOT NULL AND r.on_date IS NOT NULL
  AND json_extract(s.value, '$.due_on') IS NOT NULL;

INSERT INTO due_records SELECT * FROM due_source;

CREATE TRIGGER records_due_insert AFTER INSERT ON records BEGIN
    INSERT INTO due_records SELECT * FROM due_source WHERE seq = new.seq;
END;
-- A plan's step rows carry the plan's client, date and seq: they go with it.
CREATE TRIGGER records_due_update AFTER UPDATE ON records BEGIN
    DELETE FROM due_records WHERE client_id = old.client_id
        AND kind IN (old.kind, CASE old.kind WHEN 'plan' THEN 'plan_step' END)
        AND live = (old.deleted_at IS NULL) AND on_date = old.on_date AND seq = old.seq;
    INSERT INTO due_records SELECT * FROM due_source WHERE seq = new.seq;
END;
CREATE TRIGGER records_due_delete AFTER DELETE ON records BEGIN
    DELETE FROM due_records WHERE client_id = old.client_id
        AND kind IN (old.kind, CASE old.kind WHEN 'plan' THEN 'plan_step' END)
        AND live = (old.deleted_at IS NULL) AND on_date = old.on_date AND seq = old.seq;
END;
