-- The size of a run's input and output as JSON text (what GET /api/executions/{id} sends of them), kept by PostgreSQL
-- itself for every writer, the main backend included. The runs list reads these instead of its payloads: a page says
-- how big each payload is and spends its byte budget without reading one (issue 12; docs/decisions/0014).
-- Measuring at query time cost about 2 s per page of 100 runs of 1.5 MB, all of it read for nothing.
-- Adding stored generated columns rewrites the table once; on a database shared with the live main backend, give up
-- rather than queue behind its locks.
SET LOCAL lock_timeout = '10s';

ALTER TABLE ai_agent_executions
    ADD COLUMN IF NOT EXISTS input_bytes  INTEGER GENERATED ALWAYS AS (octet_length(input_data::text)) STORED,
    ADD COLUMN IF NOT EXISTS output_bytes INTEGER GENERATED ALWAYS AS (octet_length(output_data::text)) STORED;
