-- 001: instansi profile, frameworks, assessments, answers, evidence.
-- Forward-only: never edit this file once shipped; add 002_*.sql instead.

CREATE TABLE instansi (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'instansi_pusat')),
    coordinator_name TEXT NOT NULL DEFAULT '',
    coordinator_nip  TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);

-- Every catalog an assessment was scored with is kept in full, so an assessment
-- stays readable even when the framework is not shipped with the binary.
CREATE TABLE framework (
    id           TEXT NOT NULL,
    version      TEXT NOT NULL,
    catalog_json TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE assessment (
    id                INTEGER PRIMARY KEY,
    year              INTEGER NOT NULL UNIQUE,
    framework_id      TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    criteria_version  TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalized')),
    created_at        TEXT NOT NULL,
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework (id, version)
);

-- One row per indicator that has been touched. status and author leave room for
-- the review workflow (draft -> submitted -> approved / returned).
CREATE TABLE answer (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    level         INTEGER CHECK (level BETWEEN 1 AND 5),
    explanation   TEXT NOT NULL DEFAULT '',
    service_name  TEXT,
    owner         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator)
);

-- Content-addressed evidence files: stored once per content, under <evidence dir>/ab/abcd...
CREATE TABLE blob (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    stored_at  TEXT NOT NULL
);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('file', 'link')),
    sha256        TEXT REFERENCES blob (sha256),
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    url           TEXT,
    note          TEXT NOT NULL DEFAULT '',
    document_date TEXT,
    added_at      TEXT NOT NULL,
    added_by      TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'file' AND sha256 IS NOT NULL AND url IS NULL)
        OR (kind = 'link' AND sha256 IS NULL AND url IS NOT NULL)),
    UNIQUE (assessment_id, indicator, sha256),
    UNIQUE (assessment_id, indicator, url)
);
CREATE INDEX evidence_by_indicator ON evidence (assessment_id, indicator);
