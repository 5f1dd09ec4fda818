package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

    @Test
    void reads_railways_form() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:s3cret@containers-us-west-1.railway.app:6543/railway");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://containers-us-west-1.railway.app:6543/railway");
        assertThat(url.username()).isEqualTo("postgres");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void reads_the_short_postgres_scheme_and_defaults_the_port() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app@db.internal/fitness");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/fitness");
        assertThat(url.username()).isEqualTo("app");
        assertThat(url.password()).isNull();
    }

    @Test
    void decodes_percent_encoded_credentials_and_keeps_plus_signs() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Ass+w%2Frd@127.0.0.1:5432/db");
        assertThat(url.username()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:ss+w/rd");
    }

    @Test
    void passes_query_parameters_such_as_sslmode_on_to_jdbc() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@host:5432/db?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
    }

    @Test
    void accepts_an_ipv6_host() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @Test
    void takes_a_jdbc_url_as_it_is() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=u").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mysql://u:p@host:3306/db            | its scheme is 'mysql'",
            "host:5432/db                        | its scheme is 'host'",
            "postgresql://u:p@host:abc/db        | its host or port is malformed",
            "postgresql://u:p@host:5432          | it names no database",
            "postgresql://u:p@host:5432/         | it names no database",
            "postgresql:///db                    | it has no host",
            "'postgresql://u:p@ho st:5432/db'    | it is not a valid URL",
            "'   '                               | it is empty",
    })
    void a_malformed_url_is_refused_naming_the_variable_and_the_problem(String value, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value))
                .isInstanceOf(DatabaseConfigurationException.class)
                .hasMessageStartingWith("DATABASE_URL is malformed: " + problem)
                .hasMessageContaining("expected postgresql://user:password@host:port/database")
                .hasMessageNotContaining("\n");
    }

    @Test
    void never_repeats_the_password_in_an_error_or_in_to_string() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:topsecret@host:notaport/db"))
                .hasMessageNotContaining("topsecret");
        assertThat(DatabaseUrl.parse("postgresql://u:topsecret@host:5432/db").toString())
                .doesNotContain("topsecret");
    }
}
