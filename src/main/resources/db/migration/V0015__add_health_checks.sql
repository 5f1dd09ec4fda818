-- The Health Checker writes one row per component per check into the original service's ai_system_health (V0004;
-- its columns are kept as they are) and trims rows older than HEALTH_RETENTION_DAYS: that delete, and the
-- "latest check" lookups, read by time alone.
SET LOCAL lock_timeout = '10s';

CREATE INDEX IF NOT EXISTS ai_system_health_checked_idx ON ai_system_health (checked_at DESC);
