-- Session notes used to share the session's subject with versions of their own (revision numbers), so a notes
-- edit made later session changes look stale and a session delete left deleted = false. Notes now have their own
-- subject, <session id>/notes: move the notes entries stored under the old one, then re-derive both lines.
CREATE TEMPORARY TABLE notes_split ON COMMIT DROP AS
SELECT DISTINCT source, subject FROM feed_entry
WHERE source = '/summit-service' AND type LIKE 'summit.notes.%' AND subject NOT LIKE '%/notes';

UPDATE feed_entry e SET subject = e.subject || '/notes'
FROM notes_split s
WHERE e.source = s.source AND e.subject = s.subject AND e.type LIKE 'summit.notes.%';

CREATE TEMPORARY TABLE notes_lines ON COMMIT DROP AS
SELECT source, subject FROM notes_split
UNION SELECT source, subject || '/notes' FROM notes_split;

-- In feed order, an entry is stale when an earlier one of its line had this or a newer version.
UPDATE feed_entry e SET stale = EXISTS (
        SELECT 1 FROM feed_entry p
        WHERE p.source = e.source AND p.subject = e.subject AND p.position < e.position
          AND p.entity_version >= e.entity_version)
FROM notes_lines l
WHERE e.source = l.source AND e.subject = l.subject;

-- Latest state of each line: its newest version (the first entry that carried it). A line whose history was
-- pruned keeps its state, unless that state is a notes event under the session's subject.
DELETE FROM feed_entity f USING notes_lines l
WHERE f.source = l.source AND f.subject = l.subject
  AND (EXISTS (SELECT 1 FROM feed_entry e WHERE e.source = f.source AND e.subject = f.subject)
       OR (f.type LIKE 'summit.notes.%' AND f.subject NOT LIKE '%/notes'));
INSERT INTO feed_entity (source, subject, version, type, event_id, event_time, position, deleted, data)
SELECT DISTINCT ON (e.source, e.subject) e.source, e.subject, e.entity_version, e.type, e.event_id, e.event_time,
       e.position, e.type LIKE '%.deleted', e.data
FROM feed_entry e JOIN notes_lines l ON e.source = l.source AND e.subject = l.subject
WHERE NOT EXISTS (SELECT 1 FROM feed_entity f WHERE f.source = e.source AND f.subject = e.subject)
ORDER BY e.source, e.subject, e.entity_version DESC, e.position;
