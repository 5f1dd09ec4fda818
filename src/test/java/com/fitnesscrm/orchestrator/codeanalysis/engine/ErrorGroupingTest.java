package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.ErrorAnalysis;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorSource;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentry-style grouping over Python, Java and Node.js traces, and the rules that explain them. */
class ErrorGroupingTest {

    private static final CodeAnalysisEngine ENGINE = new CodeAnalysisEngine();

    private static ErrorAnalysis analyse(String trace) {
        return ENGINE.analyseError(new ErrorSource(null, trace, null, null));
    }

    static String pythonKeyError(String key, int line, String root) {
        return """
                Traceback (most recent call last):
                  File "%3$s/lib/python3.11/site-packages/flask/app.py", line 1484, in full_dispatch_request
                    rv = self.dispatch_request()
                  File "%3$s/routes/clients.py", line %2$d, in create_client
                    name = request.get_json()["%1$s"]
                KeyError: '%1$s'
                """.formatted(key, line, root);
    }

    @Test
    void python_traces_of_one_cause_share_a_fingerprint_whatever_the_lines_paths_and_keys() {
        ErrorAnalysis a = analyse(pythonKeyError("name", 42, "/app"));
        ErrorAnalysis b = analyse(pythonKeyError("email", 57, "/srv/crm"));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(a.language()).isEqualTo(Language.PYTHON);
        assertThat(a.exceptionType()).isEqualTo("KeyError");
        assertThat(a.title()).isEqualTo("KeyError: 'name'");
        assertThat(a.inAppFrames()).containsExactly(new ErrorAnalysis.Frame("/app/routes/clients.py", "create_client"));
    }

    @Test
    void a_key_error_on_request_json_is_explained_as_a_missing_field() {
        ErrorAnalysis a = analyse(pythonKeyError("name", 42, "/app"));
        assertThat(a.causeRule()).isEqualTo("error.key-error.request-json");
        assertThat(a.likelyCause()).contains("'name'").contains("request's JSON");
        assertThat(a.suggestedFix()).contains(".get('name')");
    }

    @Test
    void python_chains_are_read_whole_and_another_function_is_another_group() {
        String chained = """
                Traceback (most recent call last):
                  File "/app/services/billing.py", line 12, in charge
                    return gateway.charge(amount)
                ConnectionError: gateway unreachable after 3 tries

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/app/routes/payments.py", line 30, in pay
                    billing.charge(order.total)
                app.errors.PaymentFailed: order 1234 could not be charged
                """;
        ErrorAnalysis a = analyse(chained);
        assertThat(a.chain()).containsExactly("ConnectionError: gateway unreachable after 3 tries",
                "app.errors.PaymentFailed: order 1234 could not be charged");
        assertThat(a.exceptionType()).isEqualTo("ConnectionError");
        assertThat(a.title()).startsWith("app.errors.PaymentFailed");
        ErrorAnalysis again = analyse(chained.replace("1234", "98").replace("3 tries", "5 tries")
                .replace("line 30", "line 31"));
        assertThat(again.fingerprint()).isEqualTo(a.fingerprint());
        ErrorAnalysis elsewhere = analyse(chained.replace("in charge", "in refund"));
        assertThat(elsewhere.fingerprint()).isNotEqualTo(a.fingerprint());
        ErrorAnalysis handling = analyse(chained.replace("The above exception was the direct cause of the following "
                + "exception:", "During handling of the above exception, another exception occurred:"));
        assertThat(handling.chain()).hasSize(2);
    }

    static String javaTrace(String proxy, int lambda, int line, String id) {
        return """
                org.springframework.web.util.NestedServletException: Request processing failed
                \tat org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)
                \tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)
                Caused by: java.util.NoSuchElementException: No value present for client %4$s
                \tat java.base/java.util.Optional.get(Optional.java:143)
                \tat com.fitnesscrm.clients.ClientService.lambda$find$%2$d(ClientService.java:%3$d)
                \tat com.fitnesscrm.clients.ClientService%1$s.find(<generated>)
                \tat com.fitnesscrm.clients.ClientController.get(ClientController.java:31)
                \t... 48 more
                \tSuppressed: java.lang.IllegalStateException: cleanup failed
                \t\tat com.fitnesscrm.clients.Cleanup.run(Cleanup.java:9)
                """.formatted(proxy, lambda, line, id);
    }

    @Test
    void java_traces_group_by_the_root_cause_with_proxies_lambdas_and_numbers_stripped() {
        ErrorAnalysis a = analyse(javaTrace("$$SpringCGLIB$$0", 0, 42, "17"));
        ErrorAnalysis b = analyse(javaTrace("$$EnhancerBySpringCGLIB$$5f3a2b1c", 3, 57, "2203"));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(a.language()).isEqualTo(Language.JAVA);
        assertThat(a.exceptionType()).isEqualTo("java.util.NoSuchElementException");
        assertThat(a.inAppFrames()).extracting(ErrorAnalysis.Frame::function)
                .containsExactly("lambda$find", "find", "get");
        assertThat(a.inAppFrames()).extracting(ErrorAnalysis.Frame::file).doesNotContain("com.fitnesscrm.clients.Cleanup");
        assertThat(a.causeRule()).isEqualTo("error.optional-get-empty");
        assertThat(a.chain()).hasSize(2);
    }

    @Test
    void a_java_npe_on_optional_get_and_a_pool_timeout_are_explained() {
        ErrorAnalysis npe = analyse("""
                java.lang.NullPointerException: Cannot invoke "java.util.Optional.get()" because the return value of "com.fitnesscrm.clients.ClientRepository.findByEmail(String)" is null
                \tat com.fitnesscrm.clients.ClientService.byEmail(ClientService.java:77)
                """);
        assertThat(npe.causeRule()).isEqualTo("error.npe-optional");
        ErrorAnalysis pool = analyse("""
                java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30004ms.
                \tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)
                \tat com.fitnesscrm.reports.ReportJob.run(ReportJob.java:40)
                """);
        assertThat(pool.causeRule()).isEqualTo("error.connection-pool-timeout");
        assertThat(pool.fingerprint()).isNotEqualTo(npe.fingerprint());
    }

    static String nodeTrace(int line, int column, String id) {
        return """
                TypeError: Cannot read properties of undefined (reading 'id')
                    at getClient (/app/src/routes/clients.js:%1$d:%2$d)
                    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)
                    at async Promise.all (index %3$s)
                    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
                """.formatted(line, column, id);
    }

    @Test
    void node_traces_ignore_node_modules_and_internals_and_group_across_line_numbers() {
        ErrorAnalysis a = analyse(nodeTrace(42, 17, "0"));
        ErrorAnalysis b = analyse(nodeTrace(44, 9, "3"));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(a.language()).isEqualTo(Language.JAVASCRIPT);
        assertThat(a.inAppFrames()).containsExactly(new ErrorAnalysis.Frame("/app/src/routes/clients.js", "getClient"));
        assertThat(a.causeRule()).isEqualTo("error.undefined-property");
        ErrorAnalysis other = analyse(nodeTrace(42, 17, "0").replace("getClient", "getTrainer"));
        assertThat(other.fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void without_in_app_frames_the_message_groups_with_its_numbers_stripped_and_different_messages_never_share() {
        ErrorAnalysis a = ENGINE.analyseError(new ErrorSource(
                "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00", null,
                "sqlalchemy.exc.TimeoutError", Language.PYTHON));
        ErrorAnalysis b = ENGINE.analyseError(new ErrorSource(
                "QueuePool limit of size 20 overflow 40 reached, connection timed out, timeout 10.00", null,
                "sqlalchemy.exc.TimeoutError", Language.PYTHON));
        ErrorAnalysis c = ENGINE.analyseError(new ErrorSource("could not translate host name \"db\"", null,
                "sqlalchemy.exc.OperationalError", Language.PYTHON));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
        assertThat(a.causeRule()).isEqualTo("error.connection-pool-timeout");
    }

    @Test
    void a_message_with_a_secret_groups_as_its_redacted_text_does_so_a_report_and_its_run_agree() {
        String key = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
        ErrorAnalysis raw = ENGINE.analyseError(new ErrorSource("Stripe refused the key " + key, null,
                "stripe.error.AuthenticationError", Language.PYTHON));
        ErrorAnalysis recorded = ENGINE.analyseError(new ErrorSource(ENGINE.redact("Stripe refused the key " + key),
                null, "stripe.error.AuthenticationError", Language.PYTHON));
        assertThat(recorded.fingerprint()).isEqualTo(raw.fingerprint());
        assertThat(raw.message()).doesNotContain(key);
    }

    @Test
    void a_log_gives_each_error_in_it_one_by_one() {
        String log = """
                2026-12-01 10:00:00 INFO  app started
                2026-12-01 10:00:01 ERROR request failed
                Traceback (most recent call last):
                  File "/app/routes/clients.py", line 42, in create_client
                    name = request.get_json()["name"]
                KeyError: 'name'
                2026-12-01 10:00:02 INFO  GET /health 200
                2026-12-01 10:00:03 ERROR [http-nio-8080-exec-1] o.a.c.c.C.[dispatcherServlet] - Servlet failed
                java.lang.IllegalStateException: state 7 not allowed
                \tat com.fitnesscrm.sessions.SessionService.book(SessionService.java:88)
                \t... 12 more
                2026-12-01 10:00:04 WARN  slow query 1200ms
                TypeError: Cannot read properties of null (reading 'name')
                    at render (/app/src/views/profile.js:12:5)
                2026-12-01 10:00:05 INFO  done
                """;
        List<ErrorAnalysis> errors = ENGINE.analyseLog(log);
        assertThat(errors).extracting(ErrorAnalysis::exceptionType)
                .containsExactly("KeyError", "java.lang.IllegalStateException", "TypeError");
        assertThat(errors).extracting(ErrorAnalysis::language)
                .containsExactly(Language.PYTHON, Language.JAVA, Language.JAVASCRIPT);
    }

    @Test
    void a_password_in_an_error_message_is_redacted() {
        String password = "Tr0ub4dor&3x";
        ErrorAnalysis a = ENGINE.analyseError(new ErrorSource(
                "could not connect to postgresql://app:" + password + "@db:5432/crm", null,
                "psycopg2.OperationalError", Language.PYTHON));
        assertThat(a.title() + a.message() + a.chain() + a.likelyCause()).doesNotContain(password);
    }
}
