-- The agent runtime: config versions, the run record's new columns, steps, API keys and db-scheduler's task table.
-- Only columns are added to the original service's tables; none is renamed or dropped (the main backend reads them).
SET LOCAL lock_timeout = '10s';

-- Agents -----------------------------------------------------------------------------------------------------------
ALTER TABLE ai_agents ADD COLUMN IF NOT EXISTS config_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE ai_agent_config_versions (
    id         BIGSERIAL PRIMARY KEY,
    agent_id   INTEGER      NOT NULL REFERENCES ai_agents (id) ON DELETE CASCADE,
    version    INTEGER      NOT NULL,
    config     JSONB        NOT NULL,
    author     VARCHAR(100) NOT NULL,
    note       TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (agent_id, version)
);

-- Runs -------------------------------------------------------------------------------------------------------------
-- started_at keeps the original meaning (when the run was asked for); running_at is when it began to execute.
ALTER TABLE ai_agent_executions
    ADD COLUMN IF NOT EXISTS agent_name      VARCHAR(100),
    ADD COLUMN IF NOT EXISTS task_type       VARCHAR(50),
    ADD COLUMN IF NOT EXISTS config_version  INTEGER,
    ADD COLUMN IF NOT EXISTS mode            VARCHAR(10) NOT NULL DEFAULT 'sync',
    ADD COLUMN IF NOT EXISTS engine          VARCHAR(20),
    ADD COLUMN IF NOT EXISTS model           VARCHAR(100),
    ADD COLUMN IF NOT EXISTS tokens_in       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS tokens_out      INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS cost_usd        NUMERIC(18, 10),
    ADD COLUMN IF NOT EXISTS unpriced        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS requested_by    VARCHAR(100),
    ADD COLUMN IF NOT EXISTS requester_kind  VARCHAR(10),
    ADD COLUMN IF NOT EXISTS idempotency_key VARCHAR(200),
    ADD COLUMN IF NOT EXISTS input_hash      VARCHAR(64),
    ADD COLUMN IF NOT EXISTS running_at      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS attempts        INTEGER NOT NULL DEFAULT 0;

-- Deleting an agent keeps its runs: they keep the agent's name and lose only the link.
DO $$
DECLARE
    fk TEXT;
BEGIN
    FOR fk IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'ai_agent_executions'::regclass AND contype = 'f'
          AND confrelid = 'ai_agents'::regclass
    LOOP
        EXECUTE format('ALTER TABLE ai_agent_executions DROP CONSTRAINT %I', fk);
    END LOOP;
    FOR fk IN
        SELECT conname FROM pg_constraint
        WHERE conrelid = 'ai_agent_metrics'::regclass AND contype = 'f'
          AND confrelid = 'ai_agents'::regclass
    LOOP
        EXECUTE format('ALTER TABLE ai_agent_metrics DROP CONSTRAINT %I', fk);
    END LOOP;
END $$;
ALTER TABLE ai_agent_executions
    ADD CONSTRAINT ai_agent_executions_agent_fk FOREIGN KEY (agent_id) REFERENCES ai_agents (id) ON DELETE SET NULL;
ALTER TABLE ai_agent_metrics
    ADD CONSTRAINT ai_agent_metrics_agent_fk FOREIGN KEY (agent_id) REFERENCES ai_agents (id) ON DELETE SET NULL;

UPDATE ai_agent_executions e SET agent_name = a.name, task_type = a.type
FROM ai_agents a WHERE e.agent_id = a.id AND e.agent_name IS NULL;

-- One run per caller and Idempotency-Key.
CREATE UNIQUE INDEX ai_agent_executions_idempotency_idx
    ON ai_agent_executions (requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The runs grid filters by status over a time range; the response cache looks up recent runs with the same input.
CREATE INDEX ai_agent_executions_status_started_idx ON ai_agent_executions (status, started_at DESC);
CREATE INDEX ai_agent_executions_cache_idx
    ON ai_agent_executions (agent_id, config_version, input_hash, completed_at DESC)
    WHERE input_hash IS NOT NULL AND status = 'succeeded';

CREATE TABLE ai_execution_steps (
    id             BIGSERIAL PRIMARY KEY,
    execution_id   INTEGER      NOT NULL REFERENCES ai_agent_executions (id) ON DELETE CASCADE,
    seq            INTEGER      NOT NULL,
    name           VARCHAR(200) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    duration_ms    DOUBLE PRECISION NOT NULL,
    input_summary  TEXT,
    output_summary TEXT,
    tokens_in      INTEGER,
    tokens_out     INTEGER
);
CREATE INDEX ai_execution_steps_execution_idx ON ai_execution_steps (execution_id, seq);

-- API keys ---------------------------------------------------------------------------------------------------------
-- Long random secrets: a SHA-256 of the whole key is looked up directly; the prefix is only for people to recognise it.
CREATE TABLE api_keys (
    id           SERIAL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL UNIQUE,
    prefix       VARCHAR(20)  NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    scopes       VARCHAR(100) NOT NULL,
    source       VARCHAR(20)  NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   VARCHAR(100)
);

-- db-scheduler (async runs) ----------------------------------------------------------------------------------------
CREATE TABLE scheduled_tasks (
    task_name            TEXT        NOT NULL,
    task_instance        TEXT        NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
