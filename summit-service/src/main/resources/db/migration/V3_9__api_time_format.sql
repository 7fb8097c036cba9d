-- One time format (docs/api.md): stored times at millisecond precision, and the seed's not yet published events
-- carry them as the API writes them (2015-10-27T09:00:00.000Z), not as jsonb renders a timestamptz (+00:00).
UPDATE summit SET created_at = date_trunc('milliseconds', created_at),
                  updated_at = date_trunc('milliseconds', updated_at);
UPDATE session SET created_at = date_trunc('milliseconds', created_at),
                   updated_at = date_trunc('milliseconds', updated_at);
UPDATE notes_revision SET created_at = date_trunc('milliseconds', created_at);
UPDATE outbox_event
SET occurred_at = date_trunc('milliseconds', occurred_at),
    data = data || jsonb_build_object(
        'createdAt', to_char(date_trunc('milliseconds', (data->>'createdAt')::timestamptz) AT TIME ZONE 'UTC',
                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'updatedAt', to_char(date_trunc('milliseconds', (data->>'updatedAt')::timestamptz) AT TIME ZONE 'UTC',
                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
WHERE published_at IS NULL AND data->>'createdAt' IS NOT NULL AND data->>'updatedAt' IS NOT NULL;
