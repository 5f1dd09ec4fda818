-- The runs list over a million runs (issue 19, MillionRunsBenchmark, docs/decisions/0004-agent-runtime.md). Every page of
-- GET /api/executions also counts its filter's runs. With agent_id and status together no index held both, so the
-- count took the status's runs of every agent from V0008's (status, started_at) index, read each from the table and
-- dropped the other agents' (115 ms for 32,000 of 80,000). This index answers that count from the index alone and
-- that page in the list's order (ORDER BY started_at DESC, id DESC) without a sort. Every other filter already has an
-- index of its own (V0002, V0008); a (status, started_at, id) variant was tried and made the status count slower
-- (the planner chose a parallel sequential scan over the wider index), so it is not here.
SET LOCAL lock_timeout = '10s';

CREATE INDEX ai_agent_executions_agent_status_started_idx
    ON ai_agent_executions (agent_id, status, started_at DESC, id DESC);
