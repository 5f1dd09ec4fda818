-- People who log in to the web UI. Passwords are stored as Spring Security's delegating hash ({bcrypt}…).
CREATE TABLE app_users (
    id                  BIGSERIAL PRIMARY KEY,
    username            VARCHAR(50)  NOT NULL UNIQUE,
    password_hash       VARCHAR(200) NOT NULL,
    role                VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'TRAINER')),
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    dark_theme          BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    password_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login_at       TIMESTAMPTZ,
    -- Bumped when the account is disabled, its role changes or its password is reset: open sessions end.
    security_stamp      INTEGER      NOT NULL DEFAULT 0
);
