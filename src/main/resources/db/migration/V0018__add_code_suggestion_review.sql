-- The Code Analyzer (issue 15, decision 0020): a finding is stored once per fingerprint and counted up when it is
-- seen again; its review (who, a note, reopened when a fixed one comes back); the error groups the main backend's
-- handler reports; and the evidence linking a suggestion to the runs and error groups that produced it.
-- The original columns of ai_code_suggestions (V0005) stay as they are.
SET LOCAL lock_timeout = '10s';

ALTER TABLE ai_code_suggestions
    ADD COLUMN IF NOT EXISTS category    VARCHAR(20),
    ADD COLUMN IF NOT EXISTS rule_id     VARCHAR(100),
    ADD COLUMN IF NOT EXISTS fingerprint VARCHAR(64),
    ADD COLUMN IF NOT EXISTS line        INTEGER,
    ADD COLUMN IF NOT EXISTS occurrences BIGINT      NOT NULL DEFAULT 1,
    ADD COLUMN IF NOT EXISTS first_seen  TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS last_seen   TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS reviewer    VARCHAR(200),
    ADD COLUMN IF NOT EXISTS note        TEXT,
    ADD COLUMN IF NOT EXISTS reopened    BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS source      VARCHAR(20) NOT NULL DEFAULT 'rules';

-- Unique, so that INSERT … ON CONFLICT (fingerprint) counts a finding up however many runs see it at once. Rows the
-- original service wrote have none (NULLs never conflict).
CREATE UNIQUE INDEX IF NOT EXISTS ai_code_suggestions_fingerprint_key ON ai_code_suggestions (fingerprint);
CREATE INDEX IF NOT EXISTS ai_code_suggestions_severity_idx ON ai_code_suggestions (status, severity, id DESC);

CREATE TABLE IF NOT EXISTS ai_error_groups (
    id             BIGSERIAL PRIMARY KEY,
    fingerprint    VARCHAR(64)  NOT NULL UNIQUE,
    title          TEXT         NOT NULL,
    exception_type VARCHAR(300) NOT NULL,
    language       VARCHAR(20)  NOT NULL,
    frames         JSONB        NOT NULL DEFAULT '[]',
    -- The first trace of the group, cut to 16 KB: enough to read, bounded however long the traces are.
    sample_trace   TEXT         NOT NULL DEFAULT '',
    likely_cause   TEXT,
    suggested_fix  TEXT,
    occurrences    BIGINT       NOT NULL DEFAULT 1,
    first_seen     TIMESTAMPTZ  NOT NULL,
    last_seen      TIMESTAMPTZ  NOT NULL,
    -- When an analysis run was last started for the group: POST /api/errors starts at most one per interval.
    analysed_at    TIMESTAMPTZ,
    -- The token of the report that claimed the latest analysis: it alone learns that it did.
    analysis_claim UUID,
    last_run_id    BIGINT
);
CREATE INDEX IF NOT EXISTS ai_error_groups_last_seen_idx ON ai_error_groups (last_seen DESC);

-- Occurrences per hour, for the Errors view's sparkline.
CREATE TABLE IF NOT EXISTS ai_error_group_hours (
    error_group_id BIGINT      NOT NULL REFERENCES ai_error_groups (id) ON DELETE CASCADE,
    hour           TIMESTAMPTZ NOT NULL,
    occurrences    BIGINT      NOT NULL DEFAULT 1,
    PRIMARY KEY (error_group_id, hour)
);

-- Which runs and error groups produced a suggestion; the newest 20 per suggestion are kept.
CREATE TABLE IF NOT EXISTS ai_code_suggestion_evidence (
    id             BIGSERIAL PRIMARY KEY,
    suggestion_id  INTEGER     NOT NULL REFERENCES ai_code_suggestions (id) ON DELETE CASCADE,
    run_id         BIGINT,
    error_group_id BIGINT REFERENCES ai_error_groups (id) ON DELETE CASCADE,
    seen_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS ai_code_suggestion_evidence_suggestion_idx
    ON ai_code_suggestion_evidence (suggestion_id, seen_at DESC);
