-- Records as the source reports measured them (issue 13): service episodes, and coded facts where earlier
-- versions kept free text. Every change is made to the current records and to their earlier versions in `revisions`
-- alike, so the history still reads. Nothing the coach wrote is dropped: free text that no code stands for
-- is kept in the record's notes.

-- Search first, so the records changed below are indexed by the new list: sectors and end reasons are codes
-- now (their words are in the notes and the details), the social worker's name is new.
DELETE FROM searchable_fields WHERE name IN ('sector', 'end_reason');
INSERT INTO searchable_fields (name) VALUES ('end_details'), ('social_worker');

-- 1. Service episodes. Each entry to intake (the first, and every re-opening) starts an episode; earlier
--    versions kept only the latest start (clients.started_on) besides the phase history. The client's one referral
--    goes to the first episode that began on or after the referral date, else to the latest episode.
CREATE TEMP TABLE migrated_at AS SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now') || '+00:00' AS now;

CREATE TEMP TABLE episode_starts AS
SELECT client_id, started_on,
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
    || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-'
    || lower(hex(randomblob(6))) AS id
FROM (
    SELECT client_id, json_extract(data, '$.on') AS started_on FROM records
    WHERE kind = 'phase_change' AND deleted_at IS NULL AND json_extract(data, '$.to_phase') = 'intake'
      AND coalesce(json_extract(data, '$.from_phase'), 'closed') = 'closed'
    UNION
    SELECT id, started_on FROM clients
);

CREATE TEMP TABLE referral_episode AS
SELECT c.id AS client_id, json_extract(c.data, '$.referral') AS referral,
    coalesce(
        (SELECT e.id FROM episode_starts e WHERE e.client_id = c.id
            AND e.started_on >= json_extract(c.data, '$.referral.referred_on') ORDER BY e.started_on LIMIT 1),
        (SELECT e.id FROM episode_starts e WHERE e.client_id = c.id ORDER BY e.started_on DESC LIMIT 1)
    ) AS episode_id
FROM clients c;

INSERT INTO records (id, kind, client_id, on_date, data, version, created_at, updated_at)
SELECT e.id, 'episode', e.client_id, e.started_on,
    json_object('id', e.id, 'client_id', e.client_id, 'started_on', e.started_on, 'referral',
        CASE WHEN r.episode_id = e.id AND r.referral IS NOT NULL THEN json(r.referral)
             ELSE json_object('source', NULL, 'referrer', '', 'referred_on', NULL) END),
    1, m.now, m.now
FROM episode_starts e JOIN referral_episode r ON r.client_id = e.client_id, migrated_at m
ORDER BY e.client_id, e.started_on;

-- A closure ends the latest episode that began on or before it.
UPDATE records SET data = json_set(data, '$.episode_id',
    (SELECT e.id FROM episode_starts e WHERE e.client_id = records.client_id AND e.started_on <= records.on_date
     ORDER BY e.started_on DESC LIMIT 1))
WHERE kind = 'closure';

UPDATE clients SET data = json_remove(data, '$.referral') WHERE json_type(data, '$.referral') IS NOT NULL;
UPDATE revisions SET data = json_remove(data, '$.referral')
WHERE kind = 'client' AND json_type(data, '$.referral') IS NOT NULL;
ALTER TABLE clients DROP COLUMN referral_source;

DROP TABLE referral_episode;
DROP TABLE episode_starts;
DROP TABLE migrated_at;

-- 2. Meetings: a call or a video meeting was a kind of place; now it is how the meeting was held, and only a
--    face-to-face meeting has a place.
UPDATE records SET data = json_set(data, '$.mode', json_extract(data, '$.place_type'), '$.place_type', NULL)
WHERE kind = 'meeting' AND json_extract(data, '$.place_type') IN ('phone', 'video');
UPDATE revisions SET data = json_set(data, '$.mode', json_extract(data, '$.place_type'), '$.place_type', NULL)
WHERE kind = 'meeting' AND json_extract(data, '$.place_type') IN ('phone', 'video');

-- 3. Employer contacts: one made with a client was on the client's behalf, one without was job development.
--    How the contact was made was not recorded (null: it counts as face to face for the first-contact rule).
UPDATE records SET data = json_set(data, '$.mode', NULL, '$.contact_purpose',
    CASE WHEN json_extract(data, '$.client_id') IS NULL THEN 'job_development' ELSE 'for_client' END)
WHERE kind = 'employer_contact';
UPDATE revisions SET data = json_set(data, '$.mode', NULL, '$.contact_purpose',
    CASE WHEN json_extract(data, '$.client_id') IS NULL THEN 'job_development' ELSE 'for_client' END)
WHERE kind = 'employer_contact';

-- 4. Sectors: the section of TOL 2008 where the words say it plainly (Finnish, Swedish or English); the
--    words themselves stay in the notes either way.
CREATE TEMP TABLE sector_words (pattern TEXT NOT NULL, code TEXT NOT NULL, priority INTEGER NOT NULL);
INSERT INTO sector_words (pattern, code, priority) VALUES
    ('%siivo%', 'N', 1), ('%clean%', 'N', 1), ('%städ%', 'N', 1), ('%kiinteistö%', 'N', 1),
    ('%property%', 'N', 1), ('%fastighet%', 'N', 1), ('%puutarha%', 'N', 1), ('%garden%', 'N', 1),
    ('%trädgård%', 'N', 1), ('%viheralue%', 'N', 1),
    ('%ravintola%', 'I', 2), ('%restaurant%', 'I', 2), ('%restaurang%', 'I', 2), ('%kahvila%', 'I', 2),
    ('%café%', 'I', 2), ('%cafe%', 'I', 2), ('%keittiö%', 'I', 2), ('%catering%', 'I', 2),
    ('%hotel%', 'I', 2), ('%majoitus%', 'I', 2),
    ('%hoiva%', 'Q', 3), ('%care%', 'Q', 3), ('%sosiaal%', 'Q', 3), ('%terveys%', 'Q', 3),
    ('%vård%', 'Q', 3), ('%omsorg%', 'Q', 3), ('%päiväko%', 'Q', 3), ('%vanhus%', 'Q', 3),
    ('%logist%', 'H', 4), ('%varasto%', 'H', 4), ('%kuljetus%', 'H', 4), ('%lager%', 'H', 4),
    ('%transport%', 'H', 4), ('%storage%', 'H', 4),
    ('%kierrät%', 'E', 5), ('%recycl%', 'E', 5), ('%återvin%', 'E', 5), ('%jäte%', 'E', 5),
    ('%kauppa%', 'G', 6), ('%retail%', 'G', 6), ('%handel%', 'G', 6), ('%myymälä%', 'G', 6),
    ('%kirjasto%', 'R', 7), ('%library%', 'R', 7), ('%bibliotek%', 'R', 7),
    ('%public%', 'O', 8), ('%julkinen hallinto%', 'O', 8),
    ('%rakenn%', 'F', 9), ('%construct%', 'F', 9), ('%bygg%', 'F', 9),
    ('%teollisuus%', 'C', 10), ('%tehdas%', 'C', 10), ('%manufactur%', 'C', 10), ('%tillverk%', 'C', 10),
    ('%opetus%', 'P', 11), ('%koulutus%', 'P', 11), ('%educat%', 'P', 11), ('%utbildning%', 'P', 11),
    ('%maatalo%', 'A', 12), ('%metsä%', 'A', 12), ('%agricult%', 'A', 12), ('%jordbruk%', 'A', 12);

CREATE TEMP VIEW sector_code AS
SELECT s.text AS text,
    (SELECT w.code FROM sector_words w WHERE lower(s.text) LIKE w.pattern ORDER BY w.priority LIMIT 1) AS code
FROM (SELECT DISTINCT json_extract(data, '$.sector') AS text FROM records WHERE kind IN ('employer', 'employment')
      UNION SELECT json_extract(data, '$.sector') FROM revisions WHERE kind IN ('employer', 'employment')) s
WHERE s.text IS NOT NULL AND s.text != '';

CREATE TEMP TABLE sector_map AS SELECT text, code FROM sector_code;

-- The words go to the end of the notes ("Toimiala / Bransch: ..."), the code (or null) to the sector.
UPDATE records SET data = json_set(data,
    '$.notes', ltrim(coalesce(json_extract(data, '$.notes'), '') || char(10) || 'Toimiala / Bransch: '
                     || json_extract(data, '$.sector'), char(10)),
    '$.sector', (SELECT code FROM sector_map WHERE text = json_extract(records.data, '$.sector')))
WHERE kind IN ('employer', 'employment') AND json_type(data, '$.sector') = 'text' AND json_extract(data, '$.sector') != '';
UPDATE revisions SET data = json_set(data,
    '$.notes', ltrim(coalesce(json_extract(data, '$.notes'), '') || char(10) || 'Toimiala / Bransch: '
                     || json_extract(data, '$.sector'), char(10)),
    '$.sector', (SELECT code FROM sector_map WHERE text = json_extract(revisions.data, '$.sector')))
WHERE kind IN ('employer', 'employment') AND json_type(data, '$.sector') = 'text' AND json_extract(data, '$.sector') != '';
UPDATE records SET data = json_set(data, '$.sector', NULL)
WHERE kind IN ('employer', 'employment') AND json_extract(data, '$.sector') = '';
UPDATE revisions SET data = json_set(data, '$.sector', NULL)
WHERE kind IN ('employer', 'employment') AND json_extract(data, '$.sector') = '';

DROP TABLE sector_map;
DROP VIEW sector_code;
DROP TABLE sector_words;

-- 5. Employments: the free-text reason a job ended becomes its details (the coded reason is new); the
--    pay-subsidy renewal date is the day the subsidy decision ends. A work trial gets no pay subsidy: one
--    marked so loses the mark, and the notes say so.
UPDATE records SET data = json_set(json_remove(data, '$.end_reason', '$.pay_subsidy_renewal_on'),
    '$.end_details', coalesce(json_extract(data, '$.end_reason'), ''),
    '$.end_reason', NULL,
    '$.pay_subsidy_until', json_extract(data, '$.pay_subsidy_renewal_on'))
WHERE kind = 'employment';
UPDATE revisions SET data = json_set(json_remove(data, '$.end_reason', '$.pay_subsidy_renewal_on'),
    '$.end_details', coalesce(json_extract(data, '$.end_reason'), ''),
    '$.end_reason', NULL,
    '$.pay_subsidy_until', json_extract(data, '$.pay_subsidy_renewal_on'))
WHERE kind = 'employment';
UPDATE records SET data = json_set(data, '$.pay_subsidy', json('false'), '$.pay_subsidy_until', NULL,
    '$.notes', ltrim(coalesce(json_extract(data, '$.notes'), '') || char(10)
                     || 'Palkkatuki poistettu työkokeilulta / Lönesubvention borttagen från arbetsprövningen', char(10)))
WHERE kind = 'employment' AND json_extract(data, '$.kind') = 'work_trial' AND json_extract(data, '$.pay_subsidy') = 1;
UPDATE revisions SET data = json_set(data, '$.pay_subsidy', json('false'), '$.pay_subsidy_until', NULL,
    '$.notes', ltrim(coalesce(json_extract(data, '$.notes'), '') || char(10)
                     || 'Palkkatuki poistettu työkokeilulta / Lönesubvention borttagen från arbetsprövningen', char(10)))
WHERE kind = 'employment' AND json_extract(data, '$.kind') = 'work_trial' AND json_extract(data, '$.pay_subsidy') = 1;

-- 6. Plans: "this plan replaces [the official plan]" was the wrong way round: a coach's plan never replaces a
--    statutory one, the official plan takes in its content. How often to meet becomes a code when the words
--    are one of the usual phrases (then they are cleared, the code says it all).
UPDATE records SET data = json_set(data, '$.external_relation', 'recorded_in')
WHERE kind = 'plan' AND json_extract(data, '$.external_relation') = 'replaces';
UPDATE revisions SET data = json_set(data, '$.external_relation', 'recorded_in')
WHERE kind = 'plan' AND json_extract(data, '$.external_relation') = 'replaces';

CREATE TEMP TABLE interval_words (phrase TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO interval_words (phrase, code) VALUES
    ('kerran viikossa', 'weekly'), ('viikoittain', 'weekly'), ('once a week', 'weekly'), ('weekly', 'weekly'),
    ('en gång i veckan', 'weekly'), ('varje vecka', 'weekly'),
    ('kahden viikon välein', 'fortnightly'), ('joka toinen viikko', 'fortnightly'),
    ('every two weeks', 'fortnightly'), ('fortnightly', 'fortnightly'), ('varannan vecka', 'fortnightly'),
    ('kolmen viikon välein', 'every_three_weeks'), ('every three weeks', 'every_three_weeks'),
    ('var tredje vecka', 'every_three_weeks'),
    ('kerran kuukaudessa', 'monthly'), ('kuukausittain', 'monthly'), ('once a month', 'monthly'),
    ('monthly', 'monthly'), ('en gång i månaden', 'monthly'), ('varje månad', 'monthly');
UPDATE records SET data = json_set(data, '$.meeting_interval',
        (SELECT code FROM interval_words WHERE phrase = lower(trim(json_extract(records.data, '$.meeting_frequency')))),
    '$.meeting_frequency', '')
WHERE kind = 'plan'
  AND lower(trim(json_extract(data, '$.meeting_frequency'))) IN (SELECT phrase FROM interval_words);
UPDATE revisions SET data = json_set(data, '$.meeting_interval',
        (SELECT code FROM interval_words WHERE phrase = lower(trim(json_extract(revisions.data, '$.meeting_frequency')))),
    '$.meeting_frequency', '')
WHERE kind = 'plan'
  AND lower(trim(json_extract(data, '$.meeting_frequency'))) IN (SELECT phrase FROM interval_words);
DROP TABLE interval_words;
