-- 002: the evaluator team (accounts, roles per assessment, assignments), comments,
-- the finalize/reopen record, and the hash-chained audit log.

CREATE TABLE account (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    nip             TEXT NOT NULL DEFAULT '',
    unit            TEXT NOT NULL DEFAULT '',
    password_hash   TEXT NOT NULL,
    -- The first account: the instansi's supervisor, who manages accounts and assessments.
    is_admin        INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);

CREATE TABLE team_member (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    account_id    INTEGER NOT NULL REFERENCES account (id),
    role          TEXT NOT NULL CHECK (role IN ('koordinator', 'supervisor', 'operator', 'member')),
    PRIMARY KEY (assessment_id, account_id)
);

-- An indicator is assigned to an account or to a whole unit kerja.
CREATE TABLE assignment (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    account_id    INTEGER REFERENCES account (id),
    unit          TEXT,
    CHECK ((account_id IS NULL) <> (unit IS NULL)),
    UNIQUE (assessment_id, indicator, account_id),
    UNIQUE (assessment_id, indicator, unit)
);

CREATE TABLE comment (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    author        TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('comment', 'submit', 'approve', 'return')),
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX comment_by_indicator ON comment (assessment_id, indicator);

ALTER TABLE assessment ADD COLUMN finalized_at TEXT;
ALTER TABLE assessment ADD COLUMN finalized_by TEXT;

-- Append-only. Each entry's hash covers its content and the previous entry's hash.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    year      INTEGER,
    indicator INTEGER,
    entity    TEXT NOT NULL,
    before    TEXT NOT NULL,
    after     TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_indicator ON audit_log (year, indicator);
