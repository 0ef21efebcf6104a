-- Full-text search over client names and the free text of records, inside the encrypted database.
-- Contentless tables keep only the index; rows are found by rowid = seq of the client or record.

CREATE VIRTUAL TABLE client_text USING fts5 (
    text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE record_text USING fts5 (
    text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER clients_text_insert AFTER INSERT ON clients BEGIN
    INSERT INTO client_text (rowid, text)
    VALUES (new.seq, new.given_names || ' ' || new.family_name || ' ' || coalesce(json_extract(new.data, '$.notes'), ''));
END;
CREATE TRIGGER clients_text_update AFTER UPDATE OF data ON clients BEGIN
    DELETE FROM client_text WHERE rowid = old.seq;
    INSERT INTO client_text (rowid, text)
    VALUES (new.seq, new.given_names || ' ' || new.family_name || ' ' || coalesce(json_extract(new.data, '$.notes'), ''));
END;
CREATE TRIGGER clients_text_delete AFTER DELETE ON clients BEGIN
    DELETE FROM client_text WHERE rowid = old.seq;
END;

-- The searchable fields: what a coach writes in their own words. Identifiers, dates and codes are left out.
CREATE TABLE searchable_fields (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO searchable_fields (name) VALUES
    ('notes'), ('note'), ('agreed_next_steps'), ('participants'), ('place'), ('purpose'), ('outcome'),
    ('contact_person'), ('position'), ('employer_name'), ('title'), ('sector'), ('work_goals'),
    ('kind_of_work'), ('strengths'), ('interests'), ('good_workplace'), ('limitations_and_support'),
    ('daily_life'), ('education'), ('qualifications'), ('tasks'), ('went_well'), ('was_hard'),
    ('why_ended'), ('employer'), ('goal'), ('description'), ('name'), ('role'), ('organisation'),
    ('what_may_be_exchanged'), ('support_at_work'), ('support_outside_work'), ('adjustments'),
    ('continuation_path'), ('achieved'), ('reason'), ('end_reason'), ('aim'), ('how_we_work');

CREATE TRIGGER records_text_insert AFTER INSERT ON records BEGIN
    INSERT INTO record_text (rowid, text)
    SELECT new.seq, coalesce(group_concat(value, ' '), '')
    FROM json_tree(new.data) WHERE type = 'text' AND key IN (SELECT name FROM searchable_fields);
END;
CREATE TRIGGER records_text_update AFTER UPDATE OF data ON records BEGIN
    DELETE FROM record_text WHERE rowid = old.seq;
    INSERT INTO record_text (rowid, text)
    SELECT new.seq, coalesce(group_concat(value, ' '), '')
    FROM json_tree(new.data) WHERE type = 'text' AND key IN (SELECT name FROM searchable_fields);
END;
CREATE TRIGGER records_text_delete AFTER DELETE ON records BEGIN
    DELETE FROM record_text WHERE rowid = old.seq;
END;

-- Index what earlier versions already hold.
INSERT INTO client_text (rowid, text)
SELECT seq, given_names || ' ' || family_name || ' ' || coalesce(json_extract(data, '$.notes'), '') FROM clients;
INSERT INTO record_text (rowid, text)
SELECT r.seq, coalesce((SELECT group_concat(value, ' ') FROM json_tree(r.data)
                        WHERE type = 'text' AND key IN (SELECT name FROM searchable_fields)), '')
FROM records r;
