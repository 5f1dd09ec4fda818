package com.fitnesscrm.orchestrator.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codes enums are stored, sent and read by, written once for all of them. */
class CodedTest {

    enum Speed implements Coded {
        SLOW, VERY_FAST
    }

    enum Unit implements Coded {
        KILOGRAMS;

        @Override
        public String code() {
            return "kg";
        }
    }

    enum Colour implements JsonCoded {
        DARK_RED, BLUE
    }

    record Paint(Colour colour, List<Colour> others, Map<Colour, Integer> litres) {
    }

    @Test
    void a_code_is_the_name_in_lower_case() {
        assertThat(Speed.VERY_FAST.code()).isEqualTo("very_fast");
    }

    @Test
    void find_ignores_case_and_surrounding_blanks_but_nothing_else() {
        assertThat(Coded.find(Speed.class, "  Very_Fast\t")).contains(Speed.VERY_FAST);
        assertThat(Coded.find(Speed.class, "very fast")).isEmpty();
        assertThat(Coded.find(Speed.class, "very-fast")).isEmpty();
        assertThat(Coded.find(Speed.class, "")).isEmpty();
        assertThat(Coded.find(Speed.class, null)).isEmpty();
    }

    @Test
    void an_enum_with_codes_of_its_own_is_found_and_listed_by_them() {
        assertThat(Coded.find(Unit.class, "KG")).contains(Unit.KILOGRAMS);
        assertThat(Coded.find(Unit.class, "kilograms")).isEmpty();
        assertThat(Coded.codes(Unit.class)).isEqualTo("kg");
    }

    @Test
    void codes_are_listed_in_declaration_order_comma_separated() {
        assertThat(Coded.codes(Speed.class)).isEqualTo("slow, very_fast");
    }

    @Test
    void json_coded_enums_are_written_and_read_by_their_code_and_plain_coded_ones_by_their_name() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Paint paint = new Paint(Colour.DARK_RED, List.of(Colour.BLUE), Map.of(Colour.DARK_RED, 2));
        String written = json.writeValueAsString(paint);

        assertThat(written).isEqualTo("{\"colour\":\"dark_red\",\"others\":[\"blue\"],\"litres\":{\"dark_red\":2}}");
        assertThat(json.readValue(written, Paint.class)).isEqualTo(paint);
        assertThat(json.writeValueAsString(Speed.VERY_FAST)).isEqualTo("\"VERY_FAST\"");
    }
}
