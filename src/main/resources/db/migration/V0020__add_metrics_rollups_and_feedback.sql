-- Metrics (issue 17): the roll-up's key on the original ai_agent_metrics (one row per agent, metric, period and
-- config version, so that a rerun replaces its rows instead of adding them), the votes people give on results, and
-- the marker a run carries once retention has trimmed its payload.
-- Only columns are added to the original service's tables; none is renamed or dropped (the main backend reads them).
SET LOCAL lock_timeout = '10s';

-- Roll-ups ---------------------------------------------------------------------------------------------------------
-- period: 'hour' | 'day'; agent_name: kept when the agent is deleted (agent_id is set null then); config_version:
-- null for the agent's runs of every version, a number for the per-version rows (helpfulness per version).
-- Rows written before this migration (none by this service) have no period and are left alone.
ALTER TABLE ai_agent_metrics
    ADD COLUMN IF NOT EXISTS period         VARCHAR(10),
    ADD COLUMN IF NOT EXISTS agent_name     VARCHAR(100),
    ADD COLUMN IF NOT EXISTS config_version INTEGER,
    ADD COLUMN IF NOT EXISTS updated_at     TIMESTAMPTZ;

CREATE UNIQUE INDEX ai_agent_metrics_rollup_key
    ON ai_agent_metrics (agent_name, metric_type, period, period_start, (COALESCE(config_version, 0)))
    WHERE period IS NOT NULL;
CREATE INDEX ai_agent_metrics_period_idx ON ai_agent_metrics (period, period_start) WHERE period IS NOT NULL;

-- Feedback ---------------------------------------------------------------------------------------------------------
-- One vote per voter and run: a second vote replaces the first (updated_at moves, created_at stays). voter is the
-- main backend's user_id (as "user:<id>") or the signed-in user's name; agent_name and config_version are the run's,
-- copied so that helpfulness per version needs no join.
CREATE TABLE ai_feedback (
    id             BIGSERIAL PRIMARY KEY,
    execution_id   INTEGER      NOT NULL REFERENCES ai_agent_executions (id) ON DELETE CASCADE,
    agent_name     VARCHAR(100) NOT NULL,
    config_version INTEGER,
    voter          VARCHAR(200) NOT NULL,
    feedback       VARCHAR(20)  NOT NULL CHECK (feedback IN ('helpful', 'not_helpful', 'incorrect')),
    comment        TEXT CHECK (length(comment) <= 2000),
    source         VARCHAR(10)  NOT NULL CHECK (source IN ('api', 'ui')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (execution_id, voter)
);
CREATE INDEX ai_feedback_updated_idx ON ai_feedback (updated_at);

-- Retention --------------------------------------------------------------------------------------------------------
-- Set when retention removed the run's input, output and steps; the row keeps its status, timings, tokens and cost.
ALTER TABLE ai_agent_executions ADD COLUMN IF NOT EXISTS payload_trimmed_at TIMESTAMPTZ;
