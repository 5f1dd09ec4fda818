package com.fitnesscrm.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application on a real PostgreSQL (the embedded one, started by the app itself). Test classes
 * with this annotation and nothing else share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
public @interface IntegrationTest {

    /** The first admin's password in tests (application-test.properties). */
    String ADMIN_PASSWORD = "admin-password-for-tests";
}
