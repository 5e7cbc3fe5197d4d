-- 004: the audit log covers the whole database. The last entry of every transaction that
-- changes data carries `state`: a digest per table of every table the use cases write
-- (all but audit_log and meta), so `audit verify` finds a hand edit of any of them. The
-- log is append-only (a trigger refuses DELETE), and meta remembers that it was started,
-- so an emptied log is reported instead of silently getting a new baseline.

ALTER TABLE audit_log ADD COLUMN state TEXT NOT NULL DEFAULT '';

CREATE TRIGGER audit_log_append_only BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

INSERT INTO meta (key, value) SELECT 'audit_started', '1' WHERE EXISTS (SELECT 1 FROM audit_log);
