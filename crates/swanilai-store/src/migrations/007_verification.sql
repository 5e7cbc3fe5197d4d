-- 007: the external verification's stages and carrying answers into the next year.

-- The value of an indicator at one stage of the external verification (Penilaian Dokumen,
-- Interviu, Visitasi, and the final LHE result), in hundredths like indicator_value (a
-- whole level 3 is 300), with the assessors' note, who entered it and from where
-- ('manual', or the file it was imported from).
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

-- The assessor's value of a decimal framework is the final stage: moved, not copied.
INSERT INTO stage_value (assessment_id, indicator, stage, value_h, origin, author, updated_at)
    SELECT assessment_id, indicator, 'final', value_h, 'manual', author, updated_at
    FROM indicator_value WHERE source = 'assessor';
DELETE FROM indicator_value WHERE source = 'assessor';

-- An answer or evidence record copied from an earlier year's assessment: that year
-- (NULL otherwise). An answer's mark goes when its explanation is next edited.
ALTER TABLE answer ADD COLUMN carried_from INTEGER;
ALTER TABLE evidence ADD COLUMN carried_from INTEGER;
