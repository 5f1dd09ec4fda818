-- The Health Checker's self-healing log (docs/decisions/0021, "Self-healing"): one row per remediation it did, or in
-- SELF_HEALING=dry_run would have done. A rules-only switch of an agent is read from here by every node (expires_at:
-- the end of its cool-down; ended_at: switched back after a probe; undone_at: undone by a person), and so is an
-- agent's cleared response cache (created_at: answers cached before it are not served).
SET LOCAL lock_timeout = '10s';

CREATE TABLE ai_health_remediations (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL,
    mode        text        NOT NULL CHECK (mode IN ('on', 'dry_run')),
    reason      text        NOT NULL,
    evidence    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    result      text        NOT NULL,
    agent_id    integer,
    run_ids     bigint[]    NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,
    ended_at    timestamptz,
    undone_at   timestamptz,
    undone_by   text,
    undo_result text
);

-- The log newest first, and the hourly limit per kind.
CREATE INDEX ai_health_remediations_created_idx ON ai_health_remediations (created_at DESC, id DESC);
-- What is in force for an agent now: read by every run of an agent with an LLM layer (through a short cache).
CREATE INDEX ai_health_remediations_agent_idx ON ai_health_remediations (agent_id, kind)
    WHERE agent_id IS NOT NULL AND mode = 'on' AND undone_at IS NULL;
