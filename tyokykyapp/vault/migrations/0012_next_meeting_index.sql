-- The next meetings agreed (the agenda on Today) found by their date: each meeting's Next meeting on, indexed
-- for live meetings only. Without it the agenda looked up every open client's latest meeting and read its
-- JSON (~230 ms a week for 10,000 clients, on every unlock); with it only the meetings whose agreed date falls
-- in the week are read, then checked to be their client's latest.
CREATE INDEX records_next_meeting ON records (json_extract(data, '$.next_meeting_on'))
    WHERE kind = 'meeting' AND deleted_at IS NULL;
