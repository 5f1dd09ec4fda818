-- The runs list over a million runs (issue 19, MillionRunsBenchmark, docs/decisions/draft-million.md). Every page of
-- GET /api/executions also counts its filter's runs, and with agent_id and status together no index held both, so the
-- count read all of the agent's runs from the heap-free (agent_id, started_at) index and filtered them: 119 ms at p95.
-- (agent_id, status, started_at, id) answers that count and that page from the index alone. The status index gains
-- the id tie-break of ORDER BY started_at DESC, id DESC, so its pages need no incremental sort; it replaces V0008's
-- (status, started_at), which it covers. V0002's indexes may be the main backend's (its table), so they stay.
SET LOCAL lock_timeout = '10s';

CREATE INDEX ai_agent_executions_agent_status_started_idx
    ON ai_agent_executions (agent_id, status, started_at DESC, id DESC);
CREATE INDEX ai_agent_executions_status_started_id_idx
    ON ai_agent_executions (status, started_at DESC, id DESC);
DROP INDEX ai_agent_executions_status_started_idx;
