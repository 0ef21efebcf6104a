-- Closing a client without a typed reason used to copy the closure reason's code ("employed") into the move's
-- reason, where the timeline and the client's own access report showed it raw. The closure keeps the reason
-- as a code (shown by its label); the move keeps only what the coach wrote.
UPDATE records SET data = json_set(data, '$.reason', '')
    WHERE kind = 'phase_change'
      AND json_extract(data, '$.to_phase') = 'closed'
      AND json_extract(data, '$.reason') IN (
          'employed', 'other_service', 'health', 'moved', 'studies', 'not_reached', 'died', 'own_decision',
          'service_ended'
      );
