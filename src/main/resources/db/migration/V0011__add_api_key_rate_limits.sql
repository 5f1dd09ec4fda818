-- Rate limits per API key (docs/decisions/0012-login-and-rate-limits.md). Both empty: the key takes the configured
-- defaults (orchestrator.rate-limit.*); both set: requests per minute and the burst the key may send at once.
-- Written against ai_api_keys, the name V0010 gives the table.
ALTER TABLE ai_api_keys
    ADD COLUMN rate_limit_per_minute INTEGER,
    ADD COLUMN rate_limit_burst      INTEGER,
    ADD CONSTRAINT ai_api_keys_rate_limit_check CHECK (
        (rate_limit_per_minute IS NULL AND rate_limit_burst IS NULL)
        OR (rate_limit_per_minute BETWEEN 1 AND 100000 AND rate_limit_burst BETWEEN 1 AND 100000));
