package com.fitnesscrm.orchestrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Like {@link IntegrationTest}, with the real web server on a random port, for tests that speak HTTP or drive a
 * browser. Test classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot tests switch metrics export off; the Prometheus endpoint and its security are part of what is tested.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
public @interface ServerIntegrationTest {
}
