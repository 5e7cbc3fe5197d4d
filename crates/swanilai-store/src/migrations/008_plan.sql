-- 008: from score to improvement: per-indicator targets, ceilings and effort for the path to
-- a target, recommendations (saran perbaikan) with their follow-up, and named what-if
-- scenarios. Only new tables.

-- The team's plan for one indicator: a target for next year, a ceiling it cannot go above
-- this year, and how hard a step is. Values in hundredths like indicator_value.
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

-- A recommendation (saran perbaikan) for an indicator, with the unit kerja that follows
-- it up, a due date and the follow-up status (tindak lanjut).
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

-- A named what-if scenario: the hypothetical values, as JSON {"7": "3.00", ...}. It never
-- touches the answers.
CREATE TABLE scenario (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    changes       TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    UNIQUE (assessment_id, name)
);
