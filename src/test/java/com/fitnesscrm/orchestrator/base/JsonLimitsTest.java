package com.fitnesscrm.orchestrator.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The limits every stored JSON value keeps: depth, NUL, unpaired surrogates, finite numbers; and the paths named. */
class JsonLimitsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sixty_four_levels_pass_and_sixty_five_are_refused_naming_the_top_member_and_the_limit() throws Exception {
        assertThatCode(() -> JsonLimits.check(read("{\"x\": " + nested(63) + "}"), "", 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> JsonLimits.check(read("{\"ok\": 1, \"x\": [" + nested(63) + "]}"), "", 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("x");
                    assertThat(e.details()).containsEntry("limit", 64);
                });
    }

    @Test
    void a_nul_in_a_key_or_a_value_is_refused_naming_its_path() throws Exception {
        assertThatThrownBy(() -> JsonLimits.check(read("{\"a\": [1, {\"b\": \"x\\u0000\"}]}"), "input", 1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("input.a[1].b"));
        assertThatThrownBy(() -> JsonLimits.check(read("{\"a\\u0000b\": 1}"), "", 1))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("a\\u0000b"));
    }

    @Test
    void unpaired_surrogates_and_infinite_numbers_are_refused_but_emoji_and_big_integers_pass() throws Exception {
        assertThatThrownBy(() -> JsonLimits.check(read("{\"s\": \"\\udc00x\"}"), "", 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JsonLimits.check(read("{\"n\": [1e309]}"), "", 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("n[0]"));
        assertThatCode(() -> JsonLimits.check(read("{\"s\": \"💪 \\ud83d\\ude00\", \"n\": 123456789012345678901234567890,"
                + " \"d\": 1e308}"), "", 1)).doesNotThrowAnyException();
    }

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    private static String nested(int levels) {
        return "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels);
    }
}
