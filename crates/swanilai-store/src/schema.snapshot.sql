CREATE INDEX audit_by_indicator ON audit_log (year, indicator);
CREATE INDEX comment_by_indicator ON comment (assessment_id, indicator);
CREATE INDEX evidence_by_indicator ON evidence (assessment_id, indicator);
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
, key_salt TEXT NOT NULL DEFAULT '', public_key TEXT NOT NULL DEFAULT '');
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
    updated_at    TEXT NOT NULL, carried_from INTEGER,
    PRIMARY KEY (assessment_id, indicator)
);
CREATE TABLE assessment (
    id                INTEGER PRIMARY KEY,
    year              INTEGER NOT NULL UNIQUE,
    framework_id      TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    criteria_version  TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalized')),
    created_at        TEXT NOT NULL, finalized_at TEXT, finalized_by TEXT,
    FOREIGN KEY (framework_id, framework_version) REFERENCES framework (id, version)
);
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
, state TEXT NOT NULL DEFAULT '', signer TEXT NOT NULL DEFAULT '', sig TEXT NOT NULL DEFAULT '');
CREATE TABLE blob (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0),
    media_type TEXT NOT NULL,
    stored_at  TEXT NOT NULL
);
CREATE TABLE butir_status (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    butir         TEXT NOT NULL,
    indicator     INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'diunggah', 'diterima', 'revisi')),
    revisi_kind   TEXT CHECK (revisi_kind IN ('tidak_tepat', 'belum_diunggah', 'otomatis_ditolak')),
    note          TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    CHECK (revisi_kind IS NULL OR status = 'revisi'),
    PRIMARY KEY (assessment_id, butir)
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
    added_by      TEXT NOT NULL DEFAULT '', butir TEXT, carried_from INTEGER,
    CHECK ((kind = 'file' AND sha256 IS NOT NULL AND url IS NULL)
        OR (kind = 'link' AND sha256 IS NULL AND url IS NOT NULL)),
    UNIQUE (assessment_id, indicator, sha256),
    UNIQUE (assessment_id, indicator, url)
);
CREATE TABLE external_value (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    value_h       INTEGER NOT NULL CHECK (value_h BETWEEN 100 AND 500),
    index_name    TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (length(trim(source)) > 0),
    source_year   INTEGER,
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator)
);
CREATE TABLE framework (
    id           TEXT NOT NULL,
    version      TEXT NOT NULL,
    catalog_json TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE TABLE indicator_plan (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    target_h      INTEGER CHECK (target_h BETWEEN 100 AND 500),
    ceiling_h     INTEGER CHECK (ceiling_h BETWEEN 100 AND 500),
    effort        TEXT CHECK (effort IN ('easy', 'medium', 'hard')),
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator)
);
CREATE TABLE indicator_value (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('self', 'assessor')),
    value_h       INTEGER NOT NULL CHECK (value_h BETWEEN 100 AND 500),
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator, source)
);
CREATE TABLE instansi (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('provinsi', 'kabupaten', 'kota', 'instansi_pusat')),
    coordinator_name TEXT NOT NULL DEFAULT '',
    coordinator_nip  TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL
);
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
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
CREATE TABLE package_merged (
    package_id      TEXT PRIMARY KEY,
    answers_package TEXT,
    assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    file_sha256     TEXT NOT NULL,
    made_at         TEXT NOT NULL,
    merged_at       TEXT NOT NULL,
    merged_by       TEXT NOT NULL
);
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
CREATE TABLE recommendation (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
    unit          TEXT NOT NULL DEFAULT '',
    due_date      TEXT,
    status        TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai')),
    notes         TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE TABLE scenario (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    changes       TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (assessment_id, name)
);
CREATE TABLE stage_value (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    stage         TEXT NOT NULL CHECK (stage IN ('dokumen', 'interviu', 'visitasi', 'final')),
    value_h       INTEGER NOT NULL CHECK (value_h BETWEEN 100 AND 500),
    note          TEXT NOT NULL DEFAULT '',
    origin        TEXT NOT NULL DEFAULT 'manual',
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator, stage)
);
CREATE TABLE team_member (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    account_id    INTEGER NOT NULL REFERENCES account (id),
    role          TEXT NOT NULL CHECK (role IN ('koordinator', 'supervisor', 'operator', 'member')),
    PRIMARY KEY (assessment_id, account_id)
);
CREATE TRIGGER audit_log_append_only BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
