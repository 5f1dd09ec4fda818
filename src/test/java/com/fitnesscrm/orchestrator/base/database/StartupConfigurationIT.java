package com.fitnesscrm.orchestrator.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A deployment that is configured wrongly stops at once with one line that says what to fix. */
@ExtendWith(OutputCaptureExtension.class)
class StartupConfigurationIT {

    @Test
    void a_malformed_database_url_stops_the_app_with_one_line_naming_it(CapturedOutput output) {
        assertThatThrownBy(() -> start("DATABASE_URL=postgresql://app:hunter2hunter2@db.example:port/fitness"))
                .hasRootCauseInstanceOf(DatabaseConfigurationException.class);

        String report = output.getAll().substring(output.getAll().indexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("DATABASE_URL is malformed: its host or port is malformed "
                + "(expected postgresql://user:password@host:port/database).");
        assertThat(report).doesNotContain("\tat ").doesNotContain("hunter2");
    }

    @Test
    void on_railway_without_a_database_the_app_refuses_to_keep_data_in_its_container(CapturedOutput output) {
        assertThatThrownBy(() -> start("RAILWAY_ENVIRONMENT=production"))
                .hasRootCauseInstanceOf(DatabaseConfigurationException.class);
        assertThat(output.getAll()).contains("No database is configured on Railway (RAILWAY_ENVIRONMENT is set)");
    }

    private static void start(String property) {
        new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--" + property)
                .close();
    }
}
