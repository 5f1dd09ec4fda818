-- Workflows (issue 18, decision 0026). A workflow is an agent of type 'workflow' (its ai_agents row lists it beside the
-- agents and lets it run through /api/execute and on schedules); these tables keep its definitions, the state its
-- runs are checkpointed at (LangGraph4j's checkpoint saver, on a table of ours), each node a run passed and the
-- approvals a run waits for. Only columns are added to the original ai_agent_executions; none is renamed or dropped.
SET LOCAL lock_timeout = '10s';

CREATE TABLE ai_workflow_versions (
    id          BIGSERIAL PRIMARY KEY,
    agent_id    INTEGER      NOT NULL REFERENCES ai_agents (id) ON DELETE CASCADE,
    version     INTEGER      NOT NULL,
    description TEXT,
    definition  JSONB        NOT NULL,
    author      VARCHAR(200) NOT NULL,
    note        TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (agent_id, version)
);

-- A child run (an agent node of a workflow run) points to its workflow run; a replay to the run it replays, with
-- the config fields it laid over the agent's config for that run only.
ALTER TABLE ai_agent_executions
    ADD COLUMN IF NOT EXISTS parent_id       INTEGER REFERENCES ai_agent_executions (id) ON DELETE SET NULL,
    ADD COLUMN IF NOT EXISTS replay_of       INTEGER REFERENCES ai_agent_executions (id) ON DELETE SET NULL,
    ADD COLUMN IF NOT EXISTS config_override JSONB;
CREATE INDEX ai_agent_executions_parent_idx ON ai_agent_executions (parent_id, id) WHERE parent_id IS NOT NULL;
CREATE INDEX ai_agent_executions_waiting_idx ON ai_agent_executions (id) WHERE status = 'waiting';

-- LangGraph4j checkpoints, one thread per workflow run (thread id = the run's id), newest last by seq.
CREATE TABLE ai_workflow_checkpoints (
    id            BIGSERIAL PRIMARY KEY,
    execution_id  INTEGER      NOT NULL REFERENCES ai_agent_executions (id) ON DELETE CASCADE,
    checkpoint_id VARCHAR(64)  NOT NULL UNIQUE,
    node_id       VARCHAR(100) NOT NULL,
    next_node_id  VARCHAR(100) NOT NULL,
    state         JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ai_workflow_checkpoints_run_idx ON ai_workflow_checkpoints (execution_id, id DESC);

-- Each node a workflow run passed, as its timeline shows it (a node on a cycle has one row per visit).
CREATE TABLE ai_workflow_nodes (
    id                 BIGSERIAL PRIMARY KEY,
    execution_id       INTEGER      NOT NULL REFERENCES ai_agent_executions (id) ON DELETE CASCADE,
    node_id            VARCHAR(100) NOT NULL,
    visit              INTEGER      NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    child_execution_id INTEGER      REFERENCES ai_agent_executions (id) ON DELETE SET NULL,
    summary            TEXT,
    started_at         TIMESTAMPTZ  NOT NULL,
    completed_at       TIMESTAMPTZ,
    UNIQUE (execution_id, node_id, visit)
);

-- What a waiting run waits for, and who decided it: an approval survives a restart because it lives here.
CREATE TABLE ai_workflow_approvals (
    id           BIGSERIAL PRIMARY KEY,
    execution_id INTEGER      NOT NULL REFERENCES ai_agent_executions (id) ON DELETE CASCADE,
    node_id      VARCHAR(100) NOT NULL,
    visit        INTEGER      NOT NULL,
    title        VARCHAR(200) NOT NULL,
    role         VARCHAR(20)  NOT NULL CHECK (role IN ('admin', 'trainer')),
    details      JSONB        NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    decision     VARCHAR(10)  CHECK (decision IN ('approved', 'rejected')),
    decided_by   VARCHAR(200),
    decided_at   TIMESTAMPTZ,
    note         TEXT,
    UNIQUE (execution_id, node_id, visit)
);
CREATE INDEX ai_workflow_approvals_pending_idx ON ai_workflow_approvals (requested_at) WHERE decision IS NULL;

-- The shipped workflows installed once: one an admin deletes or renames is not brought back at the next start.
CREATE TABLE ai_workflows_shipped (
    name         VARCHAR(100) PRIMARY KEY,
    installed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
