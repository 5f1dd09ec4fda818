-- Results of health checks per component (the original service's table).
-- On a database shared with the live main backend, give up rather than queue behind its locks indefinitely.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_system_health (
    id         SERIAL PRIMARY KEY,
    component  VARCHAR(100) NOT NULL,
    status     VARCHAR(20)  NOT NULL,
    message    TEXT,
    metrics    JSONB,
    checked_at TIMESTAMPTZ DEFAULT now()
);

ALTER TABLE ai_system_health
    ALTER COLUMN metrics TYPE JSONB USING metrics::jsonb,
    ALTER COLUMN checked_at TYPE TIMESTAMPTZ USING checked_at AT TIME ZONE 'UTC';

CREATE INDEX IF NOT EXISTS ai_system_health_component_checked_idx ON ai_system_health (component, checked_at DESC);
