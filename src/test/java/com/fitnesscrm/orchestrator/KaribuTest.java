package com.fitnesscrm.orchestrator;

import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.UserService;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Base of the Karibu UI tests (*KT): the real application context and a faked Vaadin servlet environment, with
 * {@link #login(UserRole)} signing in a real user from the database.
 */
@IntegrationTest
public abstract class KaribuTest {

    protected static final String TRAINER_USERNAME = "kt-trainer";
    private static Routes routes;
    /** The trainer user linked to a CRM trainer by {@link #linkTrainerToCrmTrainer}, unlinked after the test. */
    private Long linkedTrainer;

    @Autowired
    protected ApplicationContext context;
    @Autowired
    private UserDetailsService userDetailsService;
    @Autowired
    private UserService userService;
    /** This context's own holder: with several test contexts in one JVM the static one may belong to another. */
    @Autowired
    private SecurityContextHolderStrategy securityContext;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.fitnesscrm.orchestrator");
    }

    @BeforeEach
    void setUpVaadin() {
        // A test that overrides a bean starts a second context, which points the static holder (read by Vaadin's
        // AuthenticationContext) at its own strategy; every view test puts it back to this context's.
        SecurityContextHolder.setContextHolderStrategy(securityContext);
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void unlinkTrainer() {
        if (linkedTrainer != null) {
            asAdmin(() -> userService.linkCrmTrainer(linkedTrainer, null));
            linkedTrainer = null;
        }
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        securityContext.clearContext();
    }

    /**
     * Waits until work a view started in the background ({@code BackgroundWork}) has pushed what {@code shown} looks
     * for, taking each push as the browser would.
     */
    protected static void awaitPush(BooleanSupplier shown) {
        // Polls in this thread: it holds the Vaadin session and the signed-in user.
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    MockVaadin.clientRoundtrip();
                    return shown.getAsBoolean();
                });
    }

    /** Ends this browser session (signed out) and opens a new one, as a user coming back later would. */
    protected void startNewSession() {
        tearDownVaadin();
        setUpVaadin();
    }

    /**
     * Signs in as the first admin ({@code admin}) or as a trainer created on first use, as the login form would, and
     * opens the dashboard.
     */
    protected void login(UserRole role) {
        String username = role == UserRole.ADMIN ? "admin" : ensureTrainerExists();
        UserDetails user = userDetailsService.loadUserByUsername(username);
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        securityContext.getContext().setAuthentication(authentication);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, roleName) -> user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + roleName)));
        UI.getCurrent().navigate("");
    }

    /**
     * Links the trainer user ({@link #login(UserRole) login(TRAINER)}'s) to a CRM trainer, as an admin does in the
     * Users view, for this test only; nobody is signed in afterwards.
     */
    protected void linkTrainerToCrmTrainer(long crmTrainerId) {
        ensureTrainerExists();
        asAdmin(() -> {
            long trainer = userService.list().stream().filter(user -> user.username().equals(TRAINER_USERNAME))
                    .findFirst().orElseThrow().id();
            userService.linkCrmTrainer(trainer, crmTrainerId);
            linkedTrainer = trainer;
        });
    }

    private String ensureTrainerExists() {
        try {
            userDetailsService.loadUserByUsername(TRAINER_USERNAME);
        } catch (UsernameNotFoundException e) {
            asAdmin(() -> userService.create(TRAINER_USERNAME, "trainer-password-for-tests", UserRole.TRAINER));
        }
        return TRAINER_USERNAME;
    }

    /** Runs {@code work} as the first admin, outside any browser session, and leaves nobody signed in. */
    private void asAdmin(Runnable work) {
        UserDetails admin = userDetailsService.loadUserByUsername("admin");
        securityContext.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            work.run();
        } finally {
            securityContext.clearContext();
        }
    }
}
