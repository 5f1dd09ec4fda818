-- The Workout Optimizer: its exercise catalogue (a copy of workouts/exercises.csv, refreshed at every start, so
-- trainers can browse and search it) and the plans trainers save to a client's history.
SET LOCAL lock_timeout = '10s';

CREATE TABLE workout_exercises (
    id                 VARCHAR(80)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    pattern            VARCHAR(30)  NOT NULL,
    mechanics          VARCHAR(20)  NOT NULL,
    primary_muscles    JSONB        NOT NULL,
    secondary_muscles  JSONB        NOT NULL,
    equipment          JSONB        NOT NULL,
    level              VARCHAR(20)  NOT NULL,
    substitution_group VARCHAR(80)  NOT NULL,
    contraindications  JSONB        NOT NULL,
    -- the line's position in the CSV: the catalogue's order of preference
    position           INTEGER      NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX workout_exercises_name_idx ON workout_exercises (lower(name));
CREATE INDEX workout_exercises_pattern_idx ON workout_exercises (pattern);

-- A client's history of saved plans. client_id is the main backend's client id as text (it is not a foreign key:
-- the clients live in the main backend's tables).
CREATE TABLE workout_plans (
    id           BIGSERIAL    PRIMARY KEY,
    client_id    VARCHAR(100) NOT NULL,
    name         VARCHAR(200) NOT NULL,
    goal         VARCHAR(30)  NOT NULL,
    weeks        INTEGER      NOT NULL,
    request      JSONB        NOT NULL,
    plan         JSONB        NOT NULL,
    engine       VARCHAR(20)  NOT NULL,
    execution_id INTEGER      REFERENCES ai_agent_executions (id) ON DELETE SET NULL,
    saved_by     VARCHAR(100) NOT NULL,
    saved_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX workout_plans_client_idx ON workout_plans (client_id, saved_at DESC);
