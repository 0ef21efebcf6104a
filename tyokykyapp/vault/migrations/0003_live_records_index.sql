-- The due list asks, for every open client, for the latest live record of a kind (meeting, plan,
-- consent, employer contact). With deleted_at in the index those are index seeks instead of a visit to
-- every row of the client.

CREATE INDEX records_live_by_client ON records (client_id, kind, deleted_at, on_date);
