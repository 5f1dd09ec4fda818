-- The original service's agents table, kept by name and column because the main backend shares this database.
-- IF NOT EXISTS and the type upgrades below let the migration run both on an empty database and on one where the
-- original service already created its tables (JSON -> jsonb, TIMESTAMP in UTC -> timestamptz).
-- On a database shared with the live main backend, give up rather than queue behind its locks indefinitely.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_agents (
    id          SERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    type        VARCHAR(50)  NOT NULL,
    description TEXT,
    status      VARCHAR(20) DEFAULT 'inactive',
    config      JSONB       DEFAULT '{}',
    enabled     BOOLEAN     DEFAULT TRUE,
    created_at  TIMESTAMPTZ DEFAULT now(),
    updated_at  TIMESTAMPTZ DEFAULT now()
);

ALTER TABLE ai_agents
    ALTER COLUMN config DROP DEFAULT,
    ALTER COLUMN config TYPE JSONB USING config::jsonb,
    ALTER COLUMN config SET DEFAULT '{}',
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING created_at AT TIME ZONE 'UTC',
    ALTER COLUMN created_at SET DEFAULT now(),
    ALTER COLUMN updated_at TYPE TIMESTAMPTZ USING updated_at AT TIME ZONE 'UTC',
    ALTER COLUMN updated_at SET DEFAULT now();
