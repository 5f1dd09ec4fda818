-- Roll-ups of runs per agent and period (the original service's table).
-- On a database shared with the live main backend, give up rather than queue behind its locks indefinitely.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_agent_metrics (
    id           SERIAL PRIMARY KEY,
    agent_id     INTEGER REFERENCES ai_agents (id),
    metric_type  VARCHAR(50)      NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    period_start TIMESTAMPTZ      NOT NULL,
    period_end   TIMESTAMPTZ      NOT NULL,
    created_at   TIMESTAMPTZ DEFAULT now()
);

ALTER TABLE ai_agent_metrics
    ALTER COLUMN period_start TYPE TIMESTAMPTZ USING period_start AT TIME ZONE 'UTC',
    ALTER COLUMN period_end TYPE TIMESTAMPTZ USING period_end AT TIME ZONE 'UTC',
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING created_at AT TIME ZONE 'UTC';

CREATE INDEX IF NOT EXISTS ai_agent_metrics_agent_period_idx ON ai_agent_metrics (agent_id, metric_type, period_start);
