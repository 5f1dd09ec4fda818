-- Metrics roll-ups (issue 17, decision 0022): each agent's run durations per hour and day as a histogram, so that
-- the p50/p95/p99 of any range are read from its periods (percentiles cannot be averaged), and the index that finds
-- the runs finished since the last roll-up (late runs are counted in their period at the next one).
SET LOCAL lock_timeout = '10s';

-- bucket b holds durations in [2^((b-1)/8), 2^(b/8)) ms (bucket 0: under 1 ms; 239 and up: the last bucket):
-- a percentile read from it (the bucket's geometric middle) is within 5 % of the exact one.
CREATE TABLE ai_agent_metric_histograms (
    agent_name   VARCHAR(100) NOT NULL,
    period       VARCHAR(10)  NOT NULL,
    period_start TIMESTAMPTZ  NOT NULL,
    bucket       SMALLINT     NOT NULL,
    runs         BIGINT       NOT NULL,
    PRIMARY KEY (period, period_start, agent_name, bucket)
);

-- When the last roll-up that finished began: the next one recomputes what changed since (less a margin). Written in
-- the roll-up's last transaction, so a roll-up that failed half-way is redone whole by the next, on any node.
CREATE TABLE ai_metric_rollups (
    name       VARCHAR(50) PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX ai_agent_executions_completed_idx ON ai_agent_executions (completed_at);
