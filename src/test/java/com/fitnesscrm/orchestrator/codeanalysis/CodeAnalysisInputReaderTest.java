package com.fitnesscrm.orchestrator.codeanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource.AnalysisType;
import org.junit.jupiter.api.Test;

class CodeAnalysisInputReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CodeAnalysisInput read(String json) throws Exception {
        return CodeAnalysisInputReader.read(JSON.readTree(json));
    }

    private static String fieldOf(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        try {
            CodeAnalysisInputReader.read(node);
        } catch (InvalidInputException e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void code_takes_its_language_from_the_path_when_none_is_sent_and_defaults_to_comprehensive() throws Exception {
        CodeAnalysisInput input = read("{\"code\": \"x = 1\", \"file_path\": \"app/models.py\"}");
        assertThat(input.kind()).isEqualTo(CodeAnalysisInput.Kind.CODE);
        assertThat(input.code().language()).isEqualTo(Language.PYTHON);
        assertThat(input.code().analysisType()).isEqualTo(AnalysisType.COMPREHENSIVE);
        assertThat(read("{\"code\": \"x\", \"file_path\": \"a.txt\", \"language\": \"ts\", \"analysis_type\": "
                + "\"Security\"}").code()).extracting(CodeSource::language, CodeSource::analysisType)
                .containsExactly(Language.TYPESCRIPT, AnalysisType.SECURITY);
    }

    @Test
    void an_unknown_language_is_analysed_as_unknown_not_refused() throws Exception {
        assertThat(read("{\"code\": \"puts 1\", \"file_path\": \"a.rb\", \"language\": \"ruby\"}").code().language())
                .isEqualTo(Language.UNKNOWN);
    }

    @Test
    void an_error_and_a_log_are_read_with_their_optional_fields() throws Exception {
        CodeAnalysisInput error = read("{\"error\": \"boom\", \"stack_trace\": \"\", \"type\": \"KeyError\", "
                + "\"context\": {\"path\": \"/clients\"}}");
        assertThat(error.kind()).isEqualTo(CodeAnalysisInput.Kind.ERROR);
        assertThat(error.error().type()).isEqualTo("KeyError");
        assertThat(error.context()).contains("/clients");
        assertThat(error.counted()).isFalse();
        assertThat(read("{\"log\": \"ERROR x\"}").kind()).isEqualTo(CodeAnalysisInput.Kind.LOG);
    }

    @Test
    void each_fault_names_its_field() {
        assertThat(fieldOf("{\"code\": \"x = 1\"}")).isEqualTo("file_path");
        assertThat(fieldOf("{\"code\": 5, \"file_path\": \"a.py\"}")).isEqualTo("code");
        assertThat(fieldOf("{\"code\": \"x\", \"file_path\": \"a.py\", \"analysis_type\": \"deep\"}"))
                .isEqualTo("analysis_type");
        assertThat(fieldOf("{\"error\": \"boom\"}")).isEqualTo("stack_trace");
        assertThat(fieldOf("{\"stack_trace\": \"Traceback\"}")).isEqualTo("error");
        assertThat(fieldOf("{\"log\": \"\"}")).isEqualTo("log");
        assertThat(fieldOf("{}")).isEqualTo("code");
        assertThat(fieldOf("[]")).isEqualTo("input");
    }

    @Test
    void a_field_over_the_limit_is_refused_naming_it() {
        String big = "x".repeat(CodeAnalysisInputReader.MAX_TEXT + 1);
        assertThatThrownBy(() -> CodeAnalysisInputReader.read(JSON.createObjectNode().put("code", big)
                .put("file_path", "a.py"))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("code");
    }
}
