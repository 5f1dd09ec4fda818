package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's recorded input keeps code with its secrets redacted and marked; analysing that code again (an async run)
 * reports the same secrets on the same lines with the same fingerprints, and the secret is nowhere in it.
 */
class RecordedSecretsTest {

    private static final CodeAnalysisEngine ENGINE = new CodeAnalysisEngine();

    @Test
    void marked_code_holds_no_secret_and_still_reports_each_on_its_line_with_its_fingerprint() {
        String code = "import os\n\nSTRIPE = \"" + SecretRulesTest.STRIPE + "\"\nAWS_ID = \"" + SecretRulesTest.AWS_ID
                + "\"\nDEBUG = os.environ[\"DEBUG\"]\n";
        String recorded = ENGINE.redactForRecord(code);

        assertThat(recorded).doesNotContain(SecretRulesTest.STRIPE).doesNotContain(SecretRulesTest.AWS_ID)
                .contains("sk_l…");
        List<CodeIssue> original = Analyse.file("app/settings.py", code).issues();
        List<CodeIssue> again = Analyse.file("app/settings.py", recorded).issues();
        assertThat(original).extracting(CodeIssue::ruleId).contains("secret.stripe", "secret.aws-access-key-id");
        assertThat(again).extracting(CodeIssue::fingerprint)
                .containsExactlyElementsOf(original.stream().map(CodeIssue::fingerprint).toList());
        assertThat(again).extracting(CodeIssue::line)
                .containsExactlyElementsOf(original.stream().map(CodeIssue::line).toList());
        assertThat(again).extracting(CodeIssue::snippet).noneMatch(s -> s.contains("\u27e6"));
    }

    @Test
    void a_private_key_over_many_lines_keeps_the_line_numbers_of_what_follows() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7v\nq8Z1rT3vL9pW2kM7xN\n"
                + "-----END RSA PRIVATE KEY-----";
        String code = "KEY = \"\"\"" + key + "\"\"\"\n\n\ndef f(x):\n    return eval(x)\n";
        String recorded = ENGINE.redactForRecord(code);

        assertThat(recorded).doesNotContain("MIIEowIBAAKCAQEA7v").hasLineCount(code.split("\n").length);
        assertThat(Analyse.file("a.py", recorded).issues()).extracting(CodeIssue::line)
                .containsExactlyElementsOf(Analyse.file("a.py", code).issues().stream().map(CodeIssue::line).toList());
    }

    @Test
    void code_without_a_secret_is_recorded_as_sent() {
        String code = "def total(prices):\n    return sum(prices)\n";
        assertThat(ENGINE.redactForRecord(code)).isEqualTo(code);
    }
}
