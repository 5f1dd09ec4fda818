-- The Health Checker's alerts (docs/decisions/0021-health-checker.md, "Alerts"): one row per alert per channel.
-- A component's alerts are numbered (seq) in the order they were decided; the next number is the latest + 1. When
-- two nodes see the same change at the same time, both try to insert the same (component, seq, channel), and the
-- unique key makes the second node's insert a no-op (ON CONFLICT DO NOTHING): only the node whose insert won sends.
SET LOCAL lock_timeout = '10s';

CREATE TABLE IF NOT EXISTS ai_health_alerts (
    id          bigserial PRIMARY KEY,
    component   varchar(64)  NOT NULL,
    seq         integer      NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('change', 'recovery', 'reminder')),
    from_status varchar(16)  NOT NULL,
    to_status   varchar(16)  NOT NULL,
    message     varchar(2000) NOT NULL,
    channel     varchar(16)  NOT NULL CHECK (channel IN ('webhook', 'email', 'none')),
    delivery    varchar(16)  NOT NULL CHECK (delivery IN ('pending', 'sent', 'failed', 'not_configured')),
    attempts    integer      NOT NULL DEFAULT 0,
    last_error  varchar(1000),
    created_at  timestamptz  NOT NULL,
    sent_at     timestamptz,
    CONSTRAINT ai_health_alerts_once UNIQUE (component, seq, channel)
);

CREATE INDEX IF NOT EXISTS ai_health_alerts_created_idx ON ai_health_alerts (created_at DESC);
