-- 006: frameworks
-- scored with decimal values, external indices and evidence items (butir), as the
-- Indeks Pemerintah Digital (PermenPANRB 8/2026) asks. Only new tables and one nullable
-- column: a 59/2020 database keeps every row as it was.

-- The decimal value of an indicator, in hundredths (2,35 = 235), kept apart per source:
-- the team's self-assessment ('self') and the assessor's value ('assessor').
CREATE TABLE indicator_value (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    indicator     INTEGER NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('self', 'assessor')),
    value_h       INTEGER NOT NULL CHECK (value_h BETWEEN 100 AND 500),
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, indicator, source)
);

-- The value of an indicator taken from another agency's index (Indeks SDI, SJIG, EPSS),
-- with the index, where it was read and for which year.
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

-- The stored status of a butir (the level gate is applied when read, never stored).
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

-- Evidence attached to a butir of its indicator (NULL: to the indicator as a whole).
ALTER TABLE evidence ADD COLUMN butir TEXT;
