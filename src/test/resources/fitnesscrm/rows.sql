-- A few rows in the main backend's tables, written as the main backend writes them (it supplies every default).
INSERT INTO users (email, password_hash, role, active, created_at)
VALUES ('owner@gym.example', 'pbkdf2:sha256:600000$x$y', 'admin', true, '2025-01-05 09:00:00'),
       ('coach@gym.example', 'pbkdf2:sha256:600000$x$z', 'trainer', true, '2025-01-06 09:00:00');
INSERT INTO trainers (name, email, specialization, active, created_at)
VALUES ('Maria Coach', 'coach@gym.example', 'strength', true, '2025-01-06 09:00:00');
INSERT INTO clients (name, email, age, goals, medical_conditions, status, membership_type, start_date, created_at)
VALUES ('Tom Client', 'tom@example.com', 34, 'Lose weight, get stronger', 'old knee injury (ACL, 2019)', 'active',
        'premium', '2025-02-01 00:00:00', '2025-02-01 10:00:00'),
       ('Ana Client', 'ana@example.com', 29, 'muscle gain', NULL, 'active', 'basic', '2025-03-01 00:00:00',
        '2025-03-01 10:00:00');
INSERT INTO assignments (trainer_id, client_id, status, created_at) VALUES (1, 1, 'active', '2025-02-01 10:00:00');
INSERT INTO sessions (trainer_id, client_id, session_date, end_time, duration, session_type, status, created_at)
VALUES (1, 1, '2025-03-03 07:00:00', '2025-03-03 08:00:00', 60, 'personal', 'completed', '2025-02-20 10:00:00'),
       (1, 1, '2025-03-10 07:00:00', '2025-03-10 08:00:00', 60, 'personal', 'no_show', '2025-02-20 10:00:00');
INSERT INTO measurements (client_id, measurement_date, weight, weight_unit, body_fat_percentage, waist,
                          measurement_unit, created_at)
VALUES (1, '2025-03-01 08:00:00', 84.2, 'kg', 24.5, 92.0, 'cm', '2025-03-01 08:05:00'),
       (1, '2025-03-15 08:00:00', 183.0, 'lbs', 24.0, 36.0, 'inches', '2025-03-15 08:05:00');
INSERT INTO progress_records (client_id, record_date, weight, body_fat_percentage, created_at)
VALUES (1, '2025-03-08 08:00:00', 83.9, 24.3, '2025-03-08 08:05:00');
INSERT INTO goals (client_id, title, category, target_value, target_unit, target_date, status, created_at)
VALUES (1, 'Reach 76 kg', 'weight_loss', 76, 'kg', '2025-09-01 00:00:00', 'active', '2025-02-01 10:00:00');
INSERT INTO workout_plans (trainer_id, name, difficulty_level, duration_weeks, exercises, public, created_at)
VALUES (1, 'Beginner strength', 'beginner', 8, '[{"name": "Squat", "sets": 3}]', true, '2025-02-02 10:00:00');
INSERT INTO exercises (name, category, muscle_group, equipment, difficulty, is_custom, created_at)
VALUES ('Back squat', 'strength', 'legs', 'barbell', 'intermediate', false, '2025-01-01 00:00:00');
INSERT INTO workout_templates (name, category, difficulty, duration_minutes, created_by, is_public, created_at)
VALUES ('Leg day', 'strength', 'intermediate', 60, 1, true, '2025-01-10 00:00:00');
INSERT INTO workout_exercises (workout_template_id, exercise_id, "order", sets, reps, rest_seconds)
VALUES (1, 1, 1, 5, '5', 180);
INSERT INTO client_workouts (client_id, workout_template_id, assigned_by, assigned_date, status)
VALUES (1, 1, 1, '2025-02-03 00:00:00', 'active');
INSERT INTO workout_logs (client_id, client_workout_id, workout_template_id, completed_date, duration_minutes)
VALUES (1, 1, 1, '2025-03-03 08:00:00', 58);
