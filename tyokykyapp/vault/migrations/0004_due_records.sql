-- The few values the due rules read, per record, in a narrow table clustered by client and kind.
-- The due list of a large caseload then reads a few contiguous pages per client instead of every
-- record's JSON scattered over the file (SQLCipher decrypts each page it reads). Kept in step with
-- `records` by triggers, like the search index.
--   meeting:    a = next_meeting_on
--   plan:       a = review_on
--   consent:    a = method, b = valid_until, c = withdrawn_on
--   employment: a = kind, b = end_on, c = pay_subsidy, d = pay_subsidy_renewal_on

CREATE TABLE due_records (
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    live INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    seq INTEGER NOT NULL,
    a TEXT,
    b TEXT,
    c TEXT,
    d TEXT,
    PRIMARY KEY (client_id, kind, live, on_date, seq)
) WITHOUT ROWID;

CREATE VIEW due_source AS
SELECT client_id, kind, deleted_at IS NULL AS live, on_date, seq,
    CASE kind WHEN 'meeting' THEN json_extract(data, '$.next_meeting_on')
              WHEN 'plan' THEN json_extract(data, '$.review_on')
              WHEN 'consent' THEN json_extract(data, '$.method')
              WHEN 'employment' THEN json_extract(data, '$.kind') END AS a,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.valid_until')
              WHEN 'employment' THEN json_extract(data, '$.end_on') END AS b,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.withdrawn_on')
              WHEN 'employment' THEN json_extract(data, '$.pay_subsidy') END AS c,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.pay_subsidy_renewal_on') END AS d
FROM records
WHERE client_id IS NOT NULL AND on_date IS NOT NULL
  AND kind IN ('meeting', 'plan', 'consent', 'employment', 'employer_contact', 'job_application');

INSERT INTO due_records SELECT * FROM due_source;

CREATE TRIGGER records_due_insert AFTER INSERT ON records BEGIN
    INSERT INTO due_records SELECT * FROM due_source WHERE seq = new.seq;
END;
CREATE TRIGGER records_due_update AFTER UPDATE ON records BEGIN
    DELETE FROM due_records WHERE client_id = old.client_id AND kind = old.kind
        AND live = (old.deleted_at IS NULL) AND on_date = old.on_date AND seq = old.seq;
    INSERT INTO due_records SELECT * FROM due_source WHERE seq = new.seq;
END;
CREATE TRIGGER records_due_delete AFTER DELETE ON records BEGIN
    DELETE FROM due_records WHERE client_id = old.client_id AND kind = old.kind
        AND live = (old.deleted_at IS NULL) AND on_date = old.on_date AND seq = old.seq;
END;
