package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.codeanalysis.CodeFindings;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secret rules in all three languages and in an unknown one. The fake secrets are assembled at run time so this
 * file itself does not look like a leak to a scanner.
 */
class SecretRulesTest {

    static final String AWS_ID = "AKIA" + "Q3EGVPZ7XK2M4N5B";
    static final String STRIPE = "sk_" + "live_" + "51Hx9qLmZp3TgR7vW2yK8dNc";
    static final String OPENAI = "sk-proj-" + "Zq81mXv4Lp0Tn6Rk2Wc9Ys3Hb7Jd5Fg1Qa8Ue4Ix0Ot6Ml2";
    static final String GITHUB = "ghp_" + "R8mK2pL9xQ4vN7tW3cY6zB1dF5gH0jS8aE2u";
    static final String SLACK = "xoxb-" + "2048619753-6135792468-Kq7RmP2xL9vT4wN8cY3zB6dF";
    static final String DB_PASSWORD = "Tr0ub4dor&3x";
    static final String GENERIC = "q8Z!rT3#vL9pW2@kM7xN";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void neverWhole(CodeFindings findings, String... secrets) throws Exception {
        String json = JSON.writeValueAsString(findings);
        for (String secret : secrets) {
            assertThat(json).doesNotContain(secret);
            assertThat(json).contains(secret.substring(0, 4) + "…");
        }
    }

    @Test
    void provider_keys_in_python_are_hardcoded_secrets_and_redacted_everywhere() throws Exception {
        CodeFindings findings = Analyse.file("settings.py", """
                AWS_ACCESS_KEY_ID = "%s"
                stripe.api_key = "%s"
                client = OpenAI(api_key="%s")
                """.formatted(AWS_ID, STRIPE, OPENAI));
        assertThat(types(findings.issues())).containsExactly("hardcoded_secret", "hardcoded_secret",
                "hardcoded_secret");
        assertThat(findings.issues()).extracting(CodeIssue::severity).containsOnly("critical");
        assertThat(findings.issues().get(0).snippet()).isEqualTo("AWS_ACCESS_KEY_ID = \"AKIA…\"");
        neverWhole(findings, AWS_ID, STRIPE, OPENAI);
    }

    @Test
    void tokens_in_javascript_and_a_password_in_a_url_are_found() throws Exception {
        CodeFindings findings = Analyse.file("src/config.js", """
                const github = new Octokit({ auth: "%s" });
                const slack = new WebClient("%s");
                const db = new Pool({ connectionString: "postgresql://app:%s@db.internal:5432/crm" });
                """.formatted(GITHUB, SLACK, DB_PASSWORD));
        assertThat(findings.issues()).extracting(CodeIssue::ruleId).containsExactly("secret.github-token",
                "secret.slack-token", "secret.password-in-url");
        neverWhole(findings, GITHUB, SLACK, DB_PASSWORD);
    }

    @Test
    void a_private_key_and_a_generic_secret_in_java_are_found() throws Exception {
        String key = "MIIEpAIBAAKCAQEA" + "3Tz2mK9vQ8xW1pL7nR4cY6bF0dH5gJ2s";
        CodeFindings findings = Analyse.file("Keys.java", """
                class Keys {
                    static final String CLIENT_SECRET = "%s";
                    static final String PEM = \"""
                        -----BEGIN RSA PRIVATE KEY-----
                        %s
                        -----END RSA PRIVATE KEY-----
                        \""";
                }
                """.formatted(GENERIC, key));
        assertThat(findings.issues()).extracting(CodeIssue::ruleId).contains("secret.generic", "secret.private-key");
        neverWhole(findings, GENERIC);
        assertThat(JSON.writeValueAsString(findings)).doesNotContain(key);
    }

    @Test
    void a_jwt_signing_secret_is_found_but_one_read_from_the_environment_is_not() {
        assertThat(Analyse.js("""
                const token = jwt.sign({ sub: user.id }, "%s");
                const ok = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);
                """.formatted(GENERIC))).extracting(CodeIssue::ruleId).containsExactly("secret.jwt");
    }

    @Test
    void values_from_the_environment_placeholders_and_words_are_not_secrets() {
        assertThat(Analyse.python("""
                SECRET_KEY = os.environ["SECRET_KEY"]
                api_key = os.getenv("OPENAI_API_KEY")
                password = "changeme_in_production"
                token_type = "bearer_token"
                DATABASE_URL = "postgresql://user:${DB_PASSWORD}@localhost/crm"
                secret_name = "stripe-webhook-secret"
                """)).isEmpty();
        assertThat(Analyse.java("""
                class Config {
                    String apiKey = System.getenv("API_KEY");
                    String passwordField = "password";
                }
                """)).isEmpty();
    }

    @Test
    void an_unknown_language_gets_the_secret_rules_only_and_says_so() throws Exception {
        CodeFindings findings = Analyse.file("deploy/config.rb", """
                ENV["EVAL"] = eval(params[:x])
                Stripe.api_key = "%s"
                """.formatted(STRIPE));
        assertThat(findings.language().code()).isEqualTo("unknown");
        assertThat(types(findings.issues())).containsExactly("hardcoded_secret");
        assertThat(findings.notes()).singleElement().asString().contains("only the language-neutral rules (secrets)");
        neverWhole(findings, STRIPE);
    }

    @Test
    void another_issue_on_the_secrets_line_has_its_snippet_redacted_too() throws Exception {
        CodeFindings findings = Analyse.file("app.py", """
                r = requests.get("https://admin:%s@api.internal/x", verify=False)
                """.formatted(DB_PASSWORD));
        List<String> snippets = findings.issues().stream().map(CodeIssue::snippet).toList();
        assertThat(types(findings.issues())).containsExactlyInAnyOrder("hardcoded_secret",
                "tls_verification_disabled");
        assertThat(snippets).allSatisfy(s -> assertThat(s).doesNotContain(DB_PASSWORD));
    }

    @Test
    void entropy_tells_keys_from_words() {
        assertThat(SecretRules.looksRandom(GENERIC)).isTrue();
        assertThat(SecretRules.looksRandom("correct_horse_battery")).isFalse();
        assertThat(SecretRules.looksRandom("aaaaaaaaaaaaaaaa")).isFalse();
    }
}
