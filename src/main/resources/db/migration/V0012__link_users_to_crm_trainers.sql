-- A trainer user may be linked to a trainer of the main backend's CRM (trainers.id), so that their own clients come
-- first in the client pickers. No foreign key: the CRM may live in another database (CRM_DATABASE_URL), and its
-- trainers are not ours to constrain. Null = linked by e-mail when the user name is the trainer's e-mail, or not at all.
ALTER TABLE ai_users ADD COLUMN crm_trainer_id BIGINT;
