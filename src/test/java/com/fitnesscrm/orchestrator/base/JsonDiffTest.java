package com.fitnesscrm.orchestrator.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

/** Where two JSON values differ, as Compare shows it: paths, both sides, absent versus null, and the cap. */
class JsonDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void equal_values_have_no_changes_and_numbers_compare_by_value() throws Exception {
        JsonDiff.Result result = JsonDiff.between(read("{\"a\": [1, {\"b\": 2.50}], \"c\": \"x\"}"),
                read("{\"c\": \"x\", \"a\": [1.0, {\"b\": 2.5}]}"));
        assertThat(result.same()).isTrue();
        assertThat(result.truncated()).isFalse();
    }

    @Test
    void a_changed_value_deep_inside_is_named_by_its_full_path() throws Exception {
        JsonNode left = read("{\"plan\": {\"weeks\": [{}, {}, {\"sessions\": [{\"name\": \"Legs\", \"sets\": 3}]}]}}");
        JsonNode right = read("{\"plan\": {\"weeks\": [{}, {}, {\"sessions\": [{\"name\": \"Push\", \"sets\": 3}]}]}}");
        assertThat(JsonDiff.between(left, right).changes())
                .extracting(JsonDiff.Change::path, change -> change.left().asText(), change -> change.right().asText())
                .containsExactly(tuple("plan.weeks[2].sessions[0].name", "Legs", "Push"));
    }

    @Test
    void keys_and_items_only_on_one_side_are_absent_on_the_other_not_null() throws Exception {
        JsonDiff.Result result = JsonDiff.between(read("{\"gone\": 1, \"kept\": null, \"list\": [1]}"),
                read("{\"kept\": null, \"list\": [1, 2], \"new\": true}"));
        assertThat(result.changes()).containsExactly(
                new JsonDiff.Change("gone", read("1"), null),
                new JsonDiff.Change("list[1]", null, read("2")),
                new JsonDiff.Change("new", null, read("true")));
    }

    @Test
    void a_null_value_differs_from_an_absent_one() throws Exception {
        assertThat(JsonDiff.between(read("{\"a\": null}"), read("{}")).changes())
                .containsExactly(new JsonDiff.Change("a", NullNode.getInstance(), null));
    }

    @Test
    void a_value_whose_type_changed_is_one_change_at_its_path() throws Exception {
        JsonDiff.Result result = JsonDiff.between(read("{\"a\": {\"x\": 1, \"y\": 2}, \"b\": [1], \"c\": \"1\"}"),
                read("{\"a\": [1, 2], \"b\": {\"0\": 1}, \"c\": 1}"));
        assertThat(result.changes()).extracting(JsonDiff.Change::path).containsExactly("a", "b", "c");
        assertThat(result.changes().get(0).left()).isEqualTo(read("{\"x\": 1, \"y\": 2}"));
        assertThat(result.changes().get(0).right()).isEqualTo(read("[1, 2]"));
    }

    @Test
    void the_whole_value_changed_is_the_empty_path_and_a_missing_value_is_absent() throws Exception {
        assertThat(JsonDiff.between(read("1"), read("2")).changes())
                .containsExactly(new JsonDiff.Change("", read("1"), read("2")));
        assertThat(JsonDiff.between(null, read("{\"a\": 1}")).changes())
                .containsExactly(new JsonDiff.Change("", null, read("{\"a\": 1}")));
        assertThat(JsonDiff.between(MissingNode.getInstance(), null).same()).isTrue();
    }

    @Test
    void a_key_with_a_control_character_is_escaped_in_the_path() throws Exception {
        assertThat(JsonDiff.between(read("{\"a\\nb\": 1}"), read("{\"a\\nb\": 2}")).changes())
                .extracting(JsonDiff.Change::path).containsExactly("a\\u000ab");
    }

    @Test
    void more_changes_than_the_limit_are_cut_and_say_so() throws Exception {
        StringBuilder left = new StringBuilder("[");
        StringBuilder right = new StringBuilder("[");
        for (int i = 0; i < 600; i++) {
            left.append(i == 0 ? "" : ",").append(i);
            right.append(i == 0 ? "" : ",").append(i + 1);
        }
        JsonDiff.Result cut = JsonDiff.between(read(left + "]"), read(right + "]"));
        assertThat(cut.changes()).hasSize(JsonDiff.DEFAULT_LIMIT);
        assertThat(cut.changes().get(499).path()).isEqualTo("[499]");
        assertThat(cut.truncated()).isTrue();

        JsonDiff.Result exactlyAtLimit = JsonDiff.between(read("[1, 2]"), read("[3, 4]"), 2);
        assertThat(exactlyAtLimit.changes()).hasSize(2);
        assertThat(exactlyAtLimit.truncated()).isFalse();
        assertThat(JsonDiff.between(read("[1, 2, 3]"), read("[3, 4, 5]"), 2).truncated()).isTrue();
    }

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }
}
