-- 003: work packages. The database's own id; the work packages sent out; the work
-- package a working copy was opened from, with the state (base) of each of its indicators
-- that sending back compares against; and the return packages merged.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));

CREATE TABLE package_out (
    package_id    TEXT PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    for_account   TEXT,
    for_unit      TEXT,
    -- JSON array of indicator numbers.
    indicators    TEXT NOT NULL,
    made_at       TEXT NOT NULL,
    made_by       TEXT NOT NULL
);

CREATE TABLE package_in (
    package_id         TEXT PRIMARY KEY,
    origin_database_id TEXT NOT NULL,
    assessment_id      INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    for_account        TEXT,
    indicators         TEXT NOT NULL,
    made_at            TEXT NOT NULL,
    opened_at          TEXT NOT NULL,
    -- The whole manifest as JSON.
    manifest           TEXT NOT NULL
);

-- Per indicator of a working copy: what it held when its package was opened.
CREATE TABLE package_base (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    package_id    TEXT NOT NULL,
    -- JSON: the answer, the evidence records, and how many comments the thread had.
    answer        TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    comments      INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, indicator)
);

CREATE TABLE package_merged (
    package_id      TEXT PRIMARY KEY,
    answers_package TEXT,
    assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    file_sha256     TEXT NOT NULL,
    made_at         TEXT NOT NULL,
    merged_at       TEXT NOT NULL,
    merged_by       TEXT NOT NULL
);
