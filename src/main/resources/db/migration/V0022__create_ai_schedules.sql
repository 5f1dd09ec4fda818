-- Schedules (issue 17, decision 0025): an admin's "run this agent on this cron in this zone". Quartz keeps the
-- trigger in its clustered store (ai_qrtz_*, group user-schedules, so one node fires it); this row keeps what people
-- read and change, and what each firing did. The runs a schedule starts carry requested_by = 'schedule:<id>'.
SET LOCAL lock_timeout = '10s';

CREATE TABLE ai_schedules (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    agent          VARCHAR(100) NOT NULL,
    input          JSONB        NOT NULL,
    cron           VARCHAR(200) NOT NULL,
    time_zone      VARCHAR(64)  NOT NULL,
    overlap_policy VARCHAR(10)  NOT NULL CHECK (overlap_policy IN ('skip', 'allow')),
    misfire_policy VARCHAR(10)  NOT NULL CHECK (misfire_policy IN ('run_once', 'skip')),
    paused         BOOLEAN      NOT NULL DEFAULT false,
    created_by     VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_fired_at  TIMESTAMPTZ,
    last_run_id    INTEGER,
    last_error     TEXT,
    skipped        INTEGER      NOT NULL DEFAULT 0,
    last_skipped_at TIMESTAMPTZ
);

-- Names are told apart without regard to case, as the view and the API compare them.
CREATE UNIQUE INDEX ai_schedules_name_key ON ai_schedules (lower(name));

-- A schedule's run history, and the overlap check (is its previous run still going?).
CREATE INDEX ai_agent_executions_requested_by_idx ON ai_agent_executions (requested_by, id DESC)
    WHERE requester_kind = 'system';
