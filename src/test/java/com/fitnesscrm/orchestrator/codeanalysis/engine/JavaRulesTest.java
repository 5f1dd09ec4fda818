package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.java;
import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeFindings;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our Java rules and PMD's, mapped to our types, on code that must fire and on look-alikes that must not. */
class JavaRulesTest {

    private static CodeIssue only(List<CodeIssue> issues, String type) {
        assertThat(types(issues)).containsExactly(type);
        return issues.get(0);
    }

    @Test
    void jdbc_query_built_by_concatenation_is_an_injection_but_a_prepared_statement_is_not() {
        List<CodeIssue> issues = java("""
                class Clients {
                    ResultSet find(Connection c, String name) throws SQLException {
                        Statement st = c.createStatement();
                        return st.executeQuery("SELECT * FROM clients WHERE name = '" + name + "'");
                    }
                    ResultSet safe(Connection c, String name) throws SQLException {
                        PreparedStatement ps = c.prepareStatement("SELECT * FROM clients WHERE name = ?");
                        ps.setString(1, name);
                        return ps.executeQuery();
                    }
                }
                """);
        CodeIssue issue = issues.stream().filter(i -> i.issueType().equals("sql_injection")).findFirst().orElseThrow();
        assertThat(issue.line()).isEqualTo(4);
        assertThat(types(issues)).containsOnlyOnce("sql_injection");
    }

    @Test
    void a_request_param_in_a_jpa_query_is_critical() {
        CodeIssue issue = only(java("""
                @RestController
                class Search {
                    @GetMapping("/search")
                    List<?> search(@RequestParam String q) {
                        String jpql = "SELECT c FROM Client c WHERE c.name = '" + q + "'";
                        return em.createQuery(jpql).getResultList();
                    }
                }
                """), "sql_injection");
        assertThat(issue.severity()).isEqualTo("critical");
        assertThat(issue.line()).isEqualTo(6);
    }

    @Test
    void runtime_exec_of_a_built_command_is_command_injection_but_process_builder_with_a_list_is_not() {
        assertThat(types(java("""
                class Backup {
                    void run(String name) throws Exception {
                        Runtime.getRuntime().exec("tar czf /backups/" + name);
                        new ProcessBuilder(List.of("tar", "czf", "/backups/x", name)).start();
                    }
                }
                """))).containsExactly("command_injection");
    }

    @Test
    void object_input_stream_is_insecure_deserialization() {
        assertThat(types(java("""
                class Reader {
                    Object read(InputStream in) throws Exception {
                        try (ObjectInputStream ois = new ObjectInputStream(in)) {
                            return ois.readObject();
                        }
                    }
                }
                """))).containsExactly("insecure_deserialization");
    }

    @Test
    void md5_and_plain_aes_are_weak_crypto_but_sha256_and_gcm_are_not() {
        assertThat(types(java("""
                class Crypto {
                    void digest() throws Exception {
                        MessageDigest a = MessageDigest.getInstance("MD5");
                        Cipher b = Cipher.getInstance("AES");
                        MessageDigest c = MessageDigest.getInstance("SHA-256");
                        Cipher d = Cipher.getInstance("AES/GCM/NoPadding");
                        use(a, b, c, d);
                    }
                }
                """))).containsExactly("weak_crypto", "weak_crypto");
    }

    @Test
    void a_trust_all_hostname_verifier_disables_tls_verification() {
        assertThat(types(java("""
                class Http {
                    CloseableHttpClient client() {
                        return HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
                    }
                }
                """))).containsExactly("tls_verification_disabled");
    }

    @Test
    void comparing_strings_with_double_equals_is_reported_once() {
        List<CodeIssue> issues = java("""
                class Status {
                    boolean active(String status) {
                        return status == "active";
                    }
                    boolean fine(String status) {
                        return "active".equals(status);
                    }
                }
                """);
        assertThat(only(issues, "string_identity_comparison").line()).isEqualTo(3);
    }

    @Test
    void an_empty_catch_is_swallowed_through_pmd_but_a_commented_one_is_not() {
        List<CodeIssue> issues = java("""
                class Work {
                    void a() {
                        try {
                            work();
                        } catch (IOException e) {
                        }
                    }
                    void b() {
                        try {
                            work();
                        } catch (IOException e) {
                            // the cache is optional; a cold start is fine
                        }
                    }
                }
                """);
        CodeIssue issue = only(issues, "swallowed_exception");
        assertThat(issue.ruleId()).isEqualTo("pmd.EmptyCatchBlock");
        assertThat(issue.category()).isEqualTo("bug");
        assertThat(issue.line()).isEqualTo(5);
    }

    @Test
    void a_stream_that_is_never_closed_is_a_resource_leak() {
        List<CodeIssue> issues = java("""
                import java.io.BufferedReader;
                import java.io.FileReader;
                import java.io.IOException;
                class Files2 {
                    String first(String path) throws IOException {
                        BufferedReader reader = new BufferedReader(new FileReader(path));
                        return reader.readLine();
                    }
                    String closed(String path) throws IOException {
                        try (BufferedReader reader = new BufferedReader(new FileReader(path))) {
                            return reader.readLine();
                        }
                    }
                }
                """);
        assertThat(types(issues)).contains("resource_leak");
        assertThat(issues.stream().filter(i -> i.issueType().equals("resource_leak")).map(CodeIssue::line))
                .containsExactly(6);
    }

    @Test
    void a_method_on_its_own_is_parsed_on_its_own_lines() {
        List<CodeIssue> issues = java("""
                void a() {
                    try {
                        work();
                    } catch (Exception e) {
                    }
                }
                """);
        assertThat(only(issues, "swallowed_exception").line()).isEqualTo(4);
    }

    @Test
    void a_request_parameter_written_to_the_response_is_xss_and_used_as_a_path_is_traversal() {
        List<CodeIssue> issues = java("""
                class Servlet extends HttpServlet {
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        String name = request.getParameter("name");
                        response.getWriter().println("<h1>" + name + "</h1>");
                        File f = new File(request.getParameter("file"));
                        response.setStatus(f.exists() ? 200 : 404);
                        response.getWriter().println(HtmlUtils.htmlEscape(name));
                    }
                }
                """);
        assertThat(types(issues)).containsExactly("xss", "path_traversal");
    }

    @Test
    void java_util_random_for_a_token_is_insecure_randomness_but_secure_random_is_not() {
        assertThat(types(java("""
                class Tokens {
                    String resetToken() {
                        return Long.toHexString(new Random().nextLong());
                    }
                    String sessionId() {
                        return Long.toHexString(new SecureRandom().nextLong());
                    }
                    int dice() {
                        return new Random().nextInt(6);
                    }
                }
                """))).containsExactly("insecure_randomness");
    }

    @Test
    void code_that_does_not_parse_gets_our_rules_and_says_pmd_could_not_run() {
        CodeFindings findings = Analyse.file("Broken.java", """
                class Broken {
                    void a( {
                        Runtime.getRuntime().exec("rm -rf " + dir);
                """);
        assertThat(types(findings.issues())).containsExactly("command_injection");
        assertThat(findings.notes()).anyMatch(n -> n.contains("PMD could not parse"));
    }

    @Test
    void clean_java_code_has_no_issue() {
        assertThat(java("""
                package com.example;

                import java.security.MessageDigest;
                import java.security.SecureRandom;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.ResultSet;
                import java.sql.SQLException;
                import java.util.HexFormat;

                /** Reads clients; every query is parameterised. */
                public final class ClientRepository {

                    private static final SecureRandom RANDOM = new SecureRandom();
                    private final Connection connection;

                    public ClientRepository(Connection connection) {
                        this.connection = connection;
                    }

                    public String name(long id) throws SQLException {
                        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM clients WHERE id = ?")) {
                            ps.setLong(1, id);
                            try (ResultSet rs = ps.executeQuery()) {
                                return rs.next() ? rs.getString(1) : null;
                            }
                        }
                    }

                    public String token() {
                        byte[] bytes = new byte[32];
                        RANDOM.nextBytes(bytes);
                        return HexFormat.of().formatHex(bytes);
                    }

                    public boolean isActive(String status) {
                        return "active".equals(status);
                    }

                    public byte[] hash(byte[] data) throws Exception {
                        return MessageDigest.getInstance("SHA-256").digest(data);
                    }
                }
                """)).isEmpty();
    }
}
