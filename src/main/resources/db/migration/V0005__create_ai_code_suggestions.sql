-- Improvement suggestions drawn from code, error logs and stack traces (the original service's table).
-- On a database shared with the live main backend, give up rather than queue behind its locks indefinitely.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_code_suggestions (
    id           SERIAL PRIMARY KEY,
    file_path    VARCHAR(500) NOT NULL,
    issue_type   VARCHAR(50)  NOT NULL,
    severity     VARCHAR(20)  NOT NULL,
    description  TEXT         NOT NULL,
    suggestion   TEXT         NOT NULL,
    code_snippet TEXT,
    status       VARCHAR(20) DEFAULT 'pending',
    created_at   TIMESTAMPTZ DEFAULT now(),
    resolved_at  TIMESTAMPTZ
);

ALTER TABLE ai_code_suggestions
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN resolved_at TYPE TIMESTAMPTZ USING resolved_at AT TIME ZONE 'UTC';

CREATE INDEX IF NOT EXISTS ai_code_suggestions_status_idx ON ai_code_suggestions (status, created_at DESC);
