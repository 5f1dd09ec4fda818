package com.fitnesscrm.orchestrator.workflows.internal;

import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.CONTEXT;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.NOW;
import static com.fitnesscrm.orchestrator.workflows.internal.FunctionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisInput;
import com.fitnesscrm.orchestrator.codeanalysis.CodeAnalysisInputReader;
import com.fitnesscrm.orchestrator.codeanalysis.RecentErrorGroups;
import com.fitnesscrm.orchestrator.codeanalysis.StoredErrorGroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The last hour's error groups, and the Code Analyzer's input for the most frequent. */
class RecentErrorGroupsFunctionTest {

    private final RecentErrorGroups errors = mock(RecentErrorGroups.class);
    private final RecentErrorGroupsFunction function = new RecentErrorGroupsFunction(errors);

    private static RecentErrorGroups.Seen seen(long id, String title, long recent) {
        return new RecentErrorGroups.Seen(new StoredErrorGroup(id, "fp" + id, title, "KeyError", List.of(), 40,
                NOW.minusSeconds(86_400), NOW.minusSeconds(600), "A key is missing.", "Use .get().",
                "Traceback (most recent call last):\n  File \"app.py\", line 3, in f\nKeyError: 'name'", null), recent);
    }

    @Test
    void the_most_frequent_group_of_the_hour_goes_to_the_code_analyzer_as_an_error_already_counted() {
        when(errors.within(eq(Duration.ofMinutes(60)), eq(NOW), anyInt())).thenReturn(List.of(
                seen(1, "ValueError: bad", 2), seen(2, "KeyError: 'name'", 9)));

        JsonNode out = function.apply(json("{}"), CONTEXT);
        CodeAnalysisInput analysis = CodeAnalysisInputReader.read(out.get("analysis_input"));

        assertThat(out.path("any").asBoolean()).isTrue();
        assertThat(out.path("count").asInt()).isEqualTo(2);
        assertThat(out.path("groups").path(0).path("id").asLong()).isEqualTo(2);
        assertThat(analysis.kind()).isEqualTo(CodeAnalysisInput.Kind.ERROR);
        assertThat(analysis.counted()).as("not counted a second time").isTrue();
        assertThat(analysis.error().stackTrace()).contains("KeyError: 'name'");
        assertThat(out.path("message").asText()).contains("the most frequent, 'KeyError: 'name'', goes to the Code Analyzer");
    }

    @Test
    void a_quiet_hour_says_so_and_gives_no_analysis_input() {
        when(errors.within(eq(Duration.ofMinutes(30)), eq(NOW), anyInt())).thenReturn(List.of());

        JsonNode out = function.apply(json("{\"minutes\": 30}"), CONTEXT);

        assertThat(out.path("any").asBoolean()).isFalse();
        assertThat(out.path("analysis_input").isNull()).isTrue();
        assertThat(out.path("message").asText()).isEqualTo("No error group was seen in the last 30 minutes.");
    }

    @Test
    void refuses_a_window_that_is_no_whole_number_of_minutes_up_to_a_day() {
        assertThatThrownBy(() -> function.apply(json("{\"minutes\": 0}"), CONTEXT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> function.apply(json("{\"minutes\": \"an hour\"}"), CONTEXT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'minutes'");
    }
}
