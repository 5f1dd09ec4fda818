package com.fitnesscrm.orchestrator.codeanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeAnalysisCheckTest {

    private static final String[] LINES = {"import pickle", "", "def load(blob):", "    return pickle.loads(blob)"};
    private static final CodeIssue FOUND = new CodeIssue("insecure_deserialization", "security", "high", 4,
            "pickle.loads on untrusted data", "Use json.", "py.pickle", "f1", "return pickle.loads(blob)",
            CodeIssue.RULES);
    private static final CodeAnalysisOutput RULES = output(List.of(FOUND), "rules");

    private final CodeAnalysisCheck check = new CodeAnalysisCheck();

    private static CodeAnalysisOutput output(List<CodeIssue> issues, String engine) {
        return new CodeAnalysisOutput(issues, null, null, null, null, List.of(), "python", List.of(7L), engine);
    }

    private static CodeIssue llm(int line, String snippet) {
        return new CodeIssue("path_traversal", "security", "medium", line, "Opens a path from the caller.", "Check it.",
                null, null, snippet, CodeIssue.LLM);
    }

    @Test
    void the_rules_answer_and_a_reworded_one_with_a_true_finding_of_its_own_pass() {
        assertThat(check.check(RULES, RULES, LINES)).isEmpty();
        CodeIssue reworded = new CodeIssue(FOUND.issueType(), FOUND.category(), FOUND.severity(), FOUND.line(),
                "Unpickling runs code.", "Parse JSON instead.", FOUND.ruleId(), FOUND.fingerprint(), FOUND.snippet(),
                FOUND.source());
        assertThat(check.check(RULES, output(List.of(reworded, llm(3, "def load(blob):")), "llm"), LINES)).isEmpty();
    }

    @Test
    void dropping_or_changing_a_rules_finding_is_refused() {
        assertThat(check.check(RULES, output(List.of(), "llm"), LINES)).singleElement().asString()
                .contains("is missing");
        CodeIssue downgraded = new CodeIssue(FOUND.issueType(), FOUND.category(), "low", FOUND.line(),
                FOUND.description(), FOUND.suggestion(), FOUND.ruleId(), FOUND.fingerprint(), FOUND.snippet(),
                FOUND.source());
        assertThat(check.check(RULES, output(List.of(downgraded), "llm"), LINES)).singleElement().asString()
                .contains("changed severity");
    }

    @Test
    void an_llm_finding_on_a_missing_line_or_quoting_code_that_is_not_there_is_refused() {
        List<CodeIssue> invented = new ArrayList<>(List.of(FOUND, llm(9999, "open(path)")));
        assertThat(check.check(RULES, output(invented, "llm"), LINES)).singleElement().asString()
                .contains("line 9999");
        assertThat(check.check(RULES, output(List.of(FOUND, llm(3, "os.system(cmd)")), "llm"), LINES))
                .singleElement().asString().contains("quotes code that is not on line 3");
    }

    @Test
    void the_stored_rows_and_the_engine_word_are_the_rules() {
        CodeAnalysisOutput other = new CodeAnalysisOutput(List.of(FOUND), null, null, null, null, List.of(),
                "python", List.of(8L), "magic");
        assertThat(check.check(RULES, other, LINES)).hasSize(2);
    }
}
