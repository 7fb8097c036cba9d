-- Notes events get a subject of their own (<session id>/notes): their revision numbers are not the session's
-- versions. Rewrites the notes events still in the outbox (published or not), so none goes out under the old one.
UPDATE outbox_event SET subject = subject || '/notes'
WHERE type LIKE 'summit.notes.%' AND subject NOT LIKE '%/notes';
