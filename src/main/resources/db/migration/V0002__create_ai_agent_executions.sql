-- One run of an agent (the original service's table; columns for steps, engine, tokens and cost come later).
-- On a database shared with the live main backend, give up rather than queue behind its locks indefinitely.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_agent_executions (
    id             SERIAL PRIMARY KEY,
    agent_id       INTEGER REFERENCES ai_agents (id),
    status         VARCHAR(20) NOT NULL,
    input_data     JSONB,
    output_data    JSONB,
    error_message  TEXT,
    execution_time DOUBLE PRECISION,
    started_at     TIMESTAMPTZ DEFAULT now(),
    completed_at   TIMESTAMPTZ
);

ALTER TABLE ai_agent_executions
    ALTER COLUMN input_data TYPE JSONB USING input_data::jsonb,
    ALTER COLUMN output_data TYPE JSONB USING output_data::jsonb,
    ALTER COLUMN started_at TYPE TIMESTAMPTZ USING started_at AT TIME ZONE 'UTC',
    ALTER COLUMN completed_at TYPE TIMESTAMPTZ USING completed_at AT TIME ZONE 'UTC';

CREATE INDEX IF NOT EXISTS ai_agent_executions_agent_started_idx ON ai_agent_executions (agent_id, started_at DESC);
CREATE INDEX IF NOT EXISTS ai_agent_executions_started_idx ON ai_agent_executions (started_at DESC);
