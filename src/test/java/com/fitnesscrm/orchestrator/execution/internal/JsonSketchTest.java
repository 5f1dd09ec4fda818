package com.fitnesscrm.orchestrator.execution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JsonSketchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Plan(String clientId, List<Week> weeks) {
    }

    record Week(int number, List<String> exercises) {
    }

    @Test
    void a_short_record_is_its_whole_json_in_the_records_own_names() {
        String json = JsonSketch.of(mapper, new Plan("5", List.of(new Week(1, List.of("squat")))), 2000);

        assertThat(json).isEqualTo("{\"client_id\":\"5\",\"weeks\":[{\"number\":1,\"exercises\":[\"squat\"]}]}");
    }

    @Test
    void a_long_record_becomes_valid_json_within_the_budget_that_says_what_it_left_out() throws Exception {
        List<Week> weeks = IntStream.rangeClosed(1, 40).mapToObj(n -> new Week(n, IntStream.range(0, 30)
                .mapToObj(i -> "exercise number " + i + " with a long name").toList())).toList();

        String json = JsonSketch.of(mapper, new Plan("5", weeks), 2000);

        assertThat(json.length()).isLessThanOrEqualTo(2000);
        JsonNode sketch = mapper.readTree(json); // parses: not a cut fragment
        assertThat(sketch.get("client_id").asText()).isEqualTo("5");
        assertThat(sketch.get("weeks").get(sketch.get("weeks").size() - 1).asText()).matches("… \\d+ more");
    }

    @Test
    void texts_and_numbers_stay_as_they_are() {
        assertThat(JsonSketch.of(mapper, "answer from the rules engine", 2000)).isEqualTo(
                "answer from the rules engine");
        assertThat(JsonSketch.of(mapper, 3.0, 2000)).isEqualTo("3.0");
        assertThat(JsonSketch.of(mapper, null, 2000)).isNull();
    }
}
