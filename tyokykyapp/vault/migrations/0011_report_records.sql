-- The values the outcome report counts (tyokykyapp/report/), per record, in a narrow table clustered by kind and
-- date and kept by triggers, as due_records is for the due rules: reading them from the records' JSON touched
-- every page of the records table (9 s for 10,000 clients). Each column is a declared field of its record kind
-- (tyokykyapp/vault/report_facts.py lists them, and a test holds this table to that list); NULL where the field
-- does not belong to the row's kind. No free text is copied. Values a record of an earlier version may lack
-- read as the field's default. Employer contacts logged for no client have a NULL client_id.

CREATE TABLE report_records (
    kind TEXT NOT NULL,
    live INTEGER NOT NULL,
    on_date TEXT NOT NULL,
    seq INTEGER NOT NULL,
    client_id TEXT,
    record_id TEXT NOT NULL,
    referral_source TEXT,                      -- episode
    referred_on TEXT,                          -- episode
    reason TEXT,                               -- closure
    destination TEXT,                          -- closure
    episode_id TEXT,                           -- closure
    from_phase TEXT,                           -- phase_change
    to_phase TEXT,                             -- phase_change
    to_level TEXT,                             -- phase_change
    end_on TEXT,                               -- employment
    employment_kind TEXT,                      -- employment: its kind
    open_labour_market INTEGER,                -- employment
    pay_subsidy INTEGER,                       -- employment
    sector TEXT,                               -- employment
    employer_id TEXT,                          -- employment
    employer_support_recruitment INTEGER,      -- employment
    employer_support_induction INTEGER,        -- employment
    employer_support_after_induction INTEGER,  -- employment
    employment_id TEXT,                        -- support_plan
    work_pays_checked_on TEXT,                 -- vocational_profile
    item TEXT,                                 -- checklist_tick
    employer_disclosure TEXT,                  -- consent
    work_ability INTEGER,                      -- kykyviisari
    mental_wellbeing INTEGER,                  -- kykyviisari
    social_participation INTEGER,              -- kykyviisari
    physical_functioning INTEGER,              -- kykyviisari
    skills INTEGER,                            -- kykyviisari
    everyday_life INTEGER,                     -- kykyviisari
    still_working INTEGER,                     -- follow_up
    status TEXT,                               -- meeting
    mode TEXT,                                 -- meeting, employer_contact
    place_type TEXT,                           -- meeting
    duration_minutes INTEGER,                  -- meeting
    PRIMARY KEY (kind, live, on_date, seq)
) WITHOUT ROWID;

-- The meetings of a period summed by how and where they were held without reading the table's wide rows.
CREATE INDEX report_meeting_minutes ON report_records (kind, live, on_date, status, mode, place_type, duration_minutes)
    WHERE kind = 'meeting';

CREATE VIEW report_source AS
SELECT kind, deleted_at IS NULL AS live, on_date, seq, client_id, id AS record_id,
    CASE kind WHEN 'episode' THEN json_extract(data, '$.referral.source') END,
    CASE kind WHEN 'episode' THEN json_extract(data, '$.referral.referred_on') END,
    CASE kind WHEN 'closure' THEN json_extract(data, '$.reason') END,
    CASE kind WHEN 'closure' THEN json_extract(data, '$.destination') END,
    CASE kind WHEN 'closure' THEN json_extract(data, '$.episode_id') END,
    CASE kind WHEN 'phase_change' THEN json_extract(data, '$.from_phase') END,
    CASE kind WHEN 'phase_change' THEN json_extract(data, '$.to_phase') END,
    CASE kind WHEN 'phase_change' THEN json_extract(data, '$.to_level') END,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.end_on') END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.kind'), 'employment') END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.open_labour_market'), 1) END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.pay_subsidy'), 0) END,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.sector') END,
    CASE kind WHEN 'employment' THEN json_extract(data, '$.employer_id') END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.employer_support_recruitment'), 0) END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.employer_support_induction'), 0) END,
    CASE kind WHEN 'employment' THEN coalesce(json_extract(data, '$.employer_support_after_induction'), 0) END,
    CASE kind WHEN 'support_plan' THEN json_extract(data, '$.employment_id') END,
    CASE kind WHEN 'vocational_profile' THEN json_extract(data, '$.work_pays_checked_on') END,
    CASE kind WHEN 'checklist_tick' THEN json_extract(data, '$.item') END,
    CASE kind WHEN 'consent' THEN json_extract(data, '$.employer_disclosure') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.work_ability') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.mental_wellbeing') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.social_participation') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.physical_functioning') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.skills') END,
    CASE kind WHEN 'kykyviisari' THEN json_extract(data, '$.everyday_life') END,
    CASE kind WHEN 'follow_up' THEN json_extract(data, '$.still_working') END,
    CASE kind WHEN 'meeting' THEN coalesce(json_extract(data, '$.status'), 'held') END,
    CASE kind WHEN 'meeting' THEN coalesce(json_extract(data, '$.mode'), 'face_to_face')
              WHEN 'employer_contact' THEN json_extract(data, '$.mode') END,
    CASE kind WHEN 'meeting' THEN json_extract(data, '$.place_type') END,
    CASE kind WHEN 'meeting' THEN json_extract(data, '$.duration_minutes') END
FROM records
WHERE on_date IS NOT NULL AND kind IN ('episode', 'closure', 'phase_change', 'employment', 'support_plan',
    'vocational_profile', 'checklist_tick', 'consent', 'kykyviisari', 'follow_up', 'meeting', 'employer_contact',
    'plan');

INSERT INTO report_records SELECT * FROM report_source;

CREATE TRIGGER records_report_insert AFTER INSERT ON records BEGIN
    INSERT INTO report_records SELECT * FROM report_source WHERE seq = new.seq;
END;
CREATE TRIGGER records_report_update AFTER UPDATE ON records BEGIN
    DELETE FROM report_records WHERE kind = old.kind AND live = (old.deleted_at IS NULL)
        AND on_date = old.on_date AND seq = old.seq;
    INSERT INTO report_records SELECT * FROM report_source WHERE seq = new.seq;
END;
CREATE TRIGGER records_report_delete AFTER DELETE ON records BEGIN
    DELETE FROM report_records WHERE kind = old.kind AND live = (old.deleted_at IS NULL)
        AND on_date = old.on_date AND seq = old.seq;
END;
