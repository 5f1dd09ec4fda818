-- Quartz's tables carry our ai_ prefix too (org.quartz.jobStore.tablePrefix=ai_qrtz_), so that every table, index
-- and constraint of ours in the database we share with the main backend starts with ai_ (decision 0010). Renames
-- keep every row: the jobs, triggers and the cluster's state survive; a node still on the old names must be stopped
-- before this runs (one node on Railway; a rolling deploy of several nodes would have the old ones fail to find
-- their tables until they are replaced).
SET LOCAL lock_timeout = '10s';

ALTER TABLE qrtz_blob_triggers RENAME TO ai_qrtz_blob_triggers;
ALTER TABLE qrtz_calendars RENAME TO ai_qrtz_calendars;
ALTER TABLE qrtz_cron_triggers RENAME TO ai_qrtz_cron_triggers;
ALTER TABLE qrtz_fired_triggers RENAME TO ai_qrtz_fired_triggers;
ALTER TABLE qrtz_job_details RENAME TO ai_qrtz_job_details;
ALTER TABLE qrtz_locks RENAME TO ai_qrtz_locks;
ALTER TABLE qrtz_paused_trigger_grps RENAME TO ai_qrtz_paused_trigger_grps;
ALTER TABLE qrtz_scheduler_state RENAME TO ai_qrtz_scheduler_state;
ALTER TABLE qrtz_simple_triggers RENAME TO ai_qrtz_simple_triggers;
ALTER TABLE qrtz_simprop_triggers RENAME TO ai_qrtz_simprop_triggers;
ALTER TABLE qrtz_triggers RENAME TO ai_qrtz_triggers;

ALTER INDEX qrtz_blob_triggers_pkey RENAME TO ai_qrtz_blob_triggers_pkey;
ALTER INDEX qrtz_calendars_pkey RENAME TO ai_qrtz_calendars_pkey;
ALTER INDEX qrtz_cron_triggers_pkey RENAME TO ai_qrtz_cron_triggers_pkey;
ALTER INDEX qrtz_fired_triggers_pkey RENAME TO ai_qrtz_fired_triggers_pkey;
ALTER INDEX qrtz_job_details_pkey RENAME TO ai_qrtz_job_details_pkey;
ALTER INDEX qrtz_locks_pkey RENAME TO ai_qrtz_locks_pkey;
ALTER INDEX qrtz_paused_trigger_grps_pkey RENAME TO ai_qrtz_paused_trigger_grps_pkey;
ALTER INDEX qrtz_scheduler_state_pkey RENAME TO ai_qrtz_scheduler_state_pkey;
ALTER INDEX qrtz_simple_triggers_pkey RENAME TO ai_qrtz_simple_triggers_pkey;
ALTER INDEX qrtz_simprop_triggers_pkey RENAME TO ai_qrtz_simprop_triggers_pkey;
ALTER INDEX qrtz_triggers_pkey RENAME TO ai_qrtz_triggers_pkey;

-- Each of these tables has one foreign key, named by PostgreSQL when V0006 created it: found, not spelled out.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN SELECT t.relname AS tab, c.conname AS con FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
              WHERE c.contype = 'f' AND t.relname LIKE 'ai\_qrtz\_%' AND t.relnamespace = current_schema()::regnamespace
    LOOP
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', fk.tab, fk.con, fk.tab || '_fkey');
    END LOOP;
END
$$;

ALTER INDEX idx_qrtz_ft_inst_job_req_rcvry RENAME TO ai_idx_qrtz_ft_inst_job_req_rcvry;
ALTER INDEX idx_qrtz_ft_j_g RENAME TO ai_idx_qrtz_ft_j_g;
ALTER INDEX idx_qrtz_ft_jg RENAME TO ai_idx_qrtz_ft_jg;
ALTER INDEX idx_qrtz_ft_t_g RENAME TO ai_idx_qrtz_ft_t_g;
ALTER INDEX idx_qrtz_ft_tg RENAME TO ai_idx_qrtz_ft_tg;
ALTER INDEX idx_qrtz_ft_trig_inst_name RENAME TO ai_idx_qrtz_ft_trig_inst_name;
ALTER INDEX idx_qrtz_j_grp RENAME TO ai_idx_qrtz_j_grp;
ALTER INDEX idx_qrtz_j_req_recovery RENAME TO ai_idx_qrtz_j_req_recovery;
ALTER INDEX idx_qrtz_t_c RENAME TO ai_idx_qrtz_t_c;
ALTER INDEX idx_qrtz_t_g RENAME TO ai_idx_qrtz_t_g;
ALTER INDEX idx_qrtz_t_j RENAME TO ai_idx_qrtz_t_j;
ALTER INDEX idx_qrtz_t_jg RENAME TO ai_idx_qrtz_t_jg;
ALTER INDEX idx_qrtz_t_n_g_state RENAME TO ai_idx_qrtz_t_n_g_state;
ALTER INDEX idx_qrtz_t_n_state RENAME TO ai_idx_qrtz_t_n_state;
ALTER INDEX idx_qrtz_t_next_fire_time RENAME TO ai_idx_qrtz_t_next_fire_time;
ALTER INDEX idx_qrtz_t_nft_misfire RENAME TO ai_idx_qrtz_t_nft_misfire;
ALTER INDEX idx_qrtz_t_nft_st RENAME TO ai_idx_qrtz_t_nft_st;
ALTER INDEX idx_qrtz_t_nft_st_misfire RENAME TO ai_idx_qrtz_t_nft_st_misfire;
ALTER INDEX idx_qrtz_t_nft_st_misfire_grp RENAME TO ai_idx_qrtz_t_nft_st_misfire_grp;
ALTER INDEX idx_qrtz_t_state RENAME TO ai_idx_qrtz_t_state;
