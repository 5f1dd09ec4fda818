-- Everything of ours in the database we share with the main backend carries the ai_ prefix (apart from Quartz's
-- qrtz_ tables), so that no table, sequence or index of ours can ever take a name the main backend uses, now or in
-- a later version of its models. V0007 and V0008 created three tables without it; they are renamed here with their
-- sequences, indexes and constraints. Renames keep every row, and column defaults follow the renamed sequences.
SET LOCAL lock_timeout = '10s';

ALTER TABLE app_users RENAME TO ai_users;
ALTER SEQUENCE app_users_id_seq RENAME TO ai_users_id_seq;
ALTER INDEX app_users_pkey RENAME TO ai_users_pkey;
ALTER INDEX app_users_username_key RENAME TO ai_users_username_key;
ALTER TABLE ai_users RENAME CONSTRAINT app_users_role_check TO ai_users_role_check;

ALTER TABLE api_keys RENAME TO ai_api_keys;
ALTER SEQUENCE api_keys_id_seq RENAME TO ai_api_keys_id_seq;
ALTER INDEX api_keys_pkey RENAME TO ai_api_keys_pkey;
ALTER INDEX api_keys_name_key RENAME TO ai_api_keys_name_key;
ALTER INDEX api_keys_key_hash_key RENAME TO ai_api_keys_key_hash_key;

-- db-scheduler's task table (db-scheduler.table-name names it).
ALTER TABLE scheduled_tasks RENAME TO ai_scheduled_tasks;
ALTER INDEX scheduled_tasks_pkey RENAME TO ai_scheduled_tasks_pkey;
ALTER INDEX scheduled_tasks_execution_time_idx RENAME TO ai_scheduled_tasks_execution_time_idx;
ALTER INDEX scheduled_tasks_last_heartbeat_idx RENAME TO ai_scheduled_tasks_last_heartbeat_idx;
ALTER INDEX scheduled_tasks_priority_execution_time_idx RENAME TO ai_scheduled_tasks_priority_execution_time_idx;
