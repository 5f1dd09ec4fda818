package com.fitnesscrm.orchestrator;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.agents.ui.AgentsView;
import com.fitnesscrm.orchestrator.dashboard.ui.DashboardView;
import com.fitnesscrm.orchestrator.execution.ui.RunCompareView;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailView;
import com.fitnesscrm.orchestrator.execution.ui.RunsView;
import com.fitnesscrm.orchestrator.health.ui.HealthView;
import com.fitnesscrm.orchestrator.progress.ui.ClientProgressView;
import com.fitnesscrm.orchestrator.scheduling.ui.ScheduleView;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.ui.LoginView;
import com.fitnesscrm.orchestrator.security.ui.UsersView;
import com.fitnesscrm.orchestrator.workflows.ui.CheckInView;
import com.fitnesscrm.orchestrator.workflows.ui.WorkflowsView;
import com.fitnesscrm.orchestrator.workouts.ui.ExercisesView;
import com.fitnesscrm.orchestrator.workouts.ui.WorkoutPlannerView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may open which view, and which links the navigation offers them. */
class RoleAccessKT extends KaribuTest {

    @Test
    void anonymous_visitors_are_sent_to_the_login_page_from_every_view() {
        List<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .flatMap(route -> java.util.stream.Stream.concat(java.util.stream.Stream.of(route.getTemplate()),
                        route.getRouteAliases().stream().map(alias -> alias.getTemplate())))
                .filter(route -> !route.equals("login"))
                // a parameter such as ":id([0-9]{1,18})" needs a value to match
                .map(route -> route.replaceAll(":[a-zA-Z_]+(\\([^/]*\\))?", "1"))
                .toList();
        assertThat(routes).contains("", "gui", "users", "agents", "executions", "executions/1",
                "executions/compare", "workouts", "workouts/plans/1", "exercises", "client-progress", "schedule",
                "health", "suggestions", "errors", "workflows", "check-in");
        for (String route : routes) {
            UI.getCurrent().navigate(route);
            assertThat(currentView()).as(route).isInstanceOf(LoginView.class);
        }
    }

    @Test
    void a_trainer_is_refused_the_users_view() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("users");
        assertThat(currentView()).isNotInstanceOf(UsersView.class);
        // Karibu reports the router's access denial on the next lookup; a browser shows "not found" instead.
        assertThatThrownBy(() -> _get(UsersView.class)).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void a_trainer_is_refused_the_agents_runs_and_run_views() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("agents");
        assertThat(currentView()).isNotInstanceOf(AgentsView.class);
        assertThatThrownBy(() -> _get(AgentsView.class)).hasMessageContaining("AccessDeniedException");

        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("executions");
        assertThat(currentView()).isNotInstanceOf(RunsView.class);
        assertThatThrownBy(() -> _get(RunsView.class)).hasMessageContaining("AccessDeniedException");

        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("executions/1");
        assertThat(currentView()).isNotInstanceOf(RunDetailView.class);
        assertThatThrownBy(() -> _get(RunDetailView.class)).hasMessageContaining("AccessDeniedException");

        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("executions/compare");
        assertThat(currentView()).isNotInstanceOf(RunCompareView.class);
        assertThatThrownBy(() -> _get(RunCompareView.class)).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void an_admin_opens_the_workflows_view_and_a_trainer_is_refused_it() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate("workflows");
        assertThat(currentView()).isInstanceOf(WorkflowsView.class);

        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("workflows");
        assertThat(currentView()).isNotInstanceOf(WorkflowsView.class);
        assertThatThrownBy(() -> _get(WorkflowsView.class)).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void a_trainer_sees_the_dashboard_and_the_trainer_tools_but_no_link_to_admin_views() {
        login(UserRole.TRAINER);
        assertThat(currentView()).isInstanceOf(DashboardView.class);
        assertThat(navigationLabels()).containsExactly("Dashboard", "Workout planner", "Exercises",
                "Client progress", "Schedule", "Weekly check-in");
    }

    @Test
    void an_admin_opens_the_health_view_and_a_trainer_is_refused_it() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate("health");
        assertThat(currentView()).isInstanceOf(HealthView.class);

        startNewSession();
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("health");
        assertThat(currentView()).isNotInstanceOf(HealthView.class);
        assertThatThrownBy(() -> _get(HealthView.class)).hasMessageContaining("AccessDeniedException");
    }

    @Test
    void trainers_and_admins_open_the_trainer_tools() {
        for (UserRole role : List.of(UserRole.TRAINER, UserRole.ADMIN)) {
            startNewSession();
            login(role);
            UI.getCurrent().navigate("workouts");
            assertThat(currentView()).as(role.name()).isInstanceOf(WorkoutPlannerView.class);
            UI.getCurrent().navigate("exercises");
            assertThat(currentView()).as(role.name()).isInstanceOf(ExercisesView.class);
            UI.getCurrent().navigate("client-progress");
            assertThat(currentView()).as(role.name()).isInstanceOf(ClientProgressView.class);
            UI.getCurrent().navigate("schedule");
            assertThat(currentView()).as(role.name()).isInstanceOf(ScheduleView.class);
            UI.getCurrent().navigate("check-in");
            assertThat(currentView()).as(role.name()).isInstanceOf(CheckInView.class);
        }
    }

    @Test
    void an_admin_sees_links_to_every_view() {
        login(UserRole.ADMIN);
        assertThat(navigationLabels()).containsExactly("Dashboard", "Workout planner", "Exercises",
                "Client progress", "Schedule", "Weekly check-in", "Agents", "Workflows", "Runs", "Health", "Suggestions", "Errors", "Schedules", "API keys",
                "Users");
        UI.getCurrent().navigate("users");
        assertThat(currentView()).isInstanceOf(UsersView.class);
    }

    @Test
    void the_original_gui_address_leads_to_the_dashboard() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate("gui");
        assertThat(currentView()).isInstanceOf(DashboardView.class);
    }

    @Test
    void a_signed_in_user_opening_the_login_page_lands_on_the_dashboard() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("login");
        assertThat(currentView()).isInstanceOf(DashboardView.class);
    }

    private static Component currentView() {
        return (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private static java.util.List<String> navigationLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
