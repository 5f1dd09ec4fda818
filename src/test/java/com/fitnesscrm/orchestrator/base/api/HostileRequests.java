package com.fitnesscrm.orchestrator.base.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests against the REST facade, generated deterministically from a seed: deep nesting, NULs, huge
 * numbers, wrong types, wrong content types, odd methods, odd paths, long headers, unicode, malformed JSON, odd
 * Accept headers and keys. The same seed gives the same requests, so a failure found by the benchmark can be
 * replayed in {@code HostileInputIT}. Each request is a plausible body of one of the six POST endpoints (or a read)
 * with one thing wrong, so it reaches the code behind the first check.
 */
public final class HostileRequests {

    /** One generated request, with the kind of hostility it carries. */
    public record Case(String category, RawHttp.Request request) {

        @Override
        public String toString() {
            return category + ": " + request;
        }
    }

    public static final List<String> CATEGORIES = List.of("deep_nesting", "nul", "huge_number", "wrong_type",
            "content_type", "method", "path", "long_header", "unicode", "malformed", "accept", "query", "auth");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] POST_PATHS = {"/api/execute", "/api/execute", "/api/agents",
        "/api/ai/progress-prediction", "/api/workouts/auto-generate", "/api/ai/generate-workout-plan",
        "/api/ai/workout-recommendations"};
    private static final String[] READ_PATHS = {"/api/executions", "/api/agents", "/api/health", "/api/agents/types",
        "/api/executions/1", "/api/agents/1", "/api/agents/1/versions"};
    private static final String[] NUMBERS = {"1e309", "-1e309", "1e308", "-1e308", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "1e-400", "4.9e-324", "-0", "0.000000000000000000001",
        "123456789012345678901234567890", "1" + "0".repeat(999), "9".repeat(1200), "1e1000000", "2147483648",
        "-2147483649", "1.7976931348623157e308", "0", "-1", "1e2", "NaN", "Infinity", "-Infinity", "0x10", "01",
        "1.", ".5", "+1", "1e", "--1"};
    private static final String[] CONTENT_TYPES = {"*/*", "application/yaml", "application/x-yaml", "text/yaml",
        "text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "", "application", "application/",
        "/json", "application/json; charset=latin1", "application/json; charset=bogus",
        "application/json;;;", "application/json+garbage", "application/*", "application/problem+json",
        "application/merge-patch+json", "text/json", "application/json; charset=utf-16",
        "application/cbor", "application/x-protobuf", "image/png", "application/json, text/plain", ";", "*/json"};
    private static final String[] METHODS = {"PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND",
        "FOO", "GET", "POST", "MKCOL", "LOCK", "M-SEARCH", "BREW", "get", "Post"};
    private static final String[] ODD_PATHS = {"/api/nope", "/api/metrics", "/api", "/api/", "/api/executions/%2F",
        "/api/%2F", "/api/%00", "/api/executions/%00", "/api/executions/-1", "/api/executions/abc",
        "/api/executions/99999999999999999999", "/api//execute", "/api/./execute", "/api/x/../execute",
        "/api/execute;jsessionid=abc", "/api/execute%3B", "/api/%2e%2e/api/execute", "/api/executions/%c0%af",
        "/api/executions/%ff", "/api/executions/1/steps", "/api/agents/0", "/api/agents/-5/versions",
        "/api/agents/1/versions/diff?from=a&to=b", "/api/agents/1/versions/diff", "/api/%5c", "/api/%25",
        "/api/executions/1%20", "/api/executions/1/cancel/x", "/api/ai/nope", "/api/workouts/nope",
        "/api/EXECUTE", "/api/execute/", "/api/execute.json", "/api/execute?x=%00", "/api/\u00e9", "/api/%E2%82%AC",
        "/api/executions/%F0%9F%92%A9", "/api/" + "a".repeat(2000), "/api/" + "%41".repeat(500)};
    private static final String[] ACCEPTS = {"application/xml", "text/html", "image/png", "*/*;q=0",
        "application/json;q=0", "garbage", "", "text/*", "application/*", "*/*", "application/problem+json",
        "application/yaml", "text/event-stream", "application/json, application/xml", ";;", "*/*;q=abc"};
    private static final String[] ODD_QUERIES = {"from=+999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z",
        "from=0000-01-01T00:00:00Z", "from=10000-01-01T00:00:00Z", "from=2026-02-30T00:00:00Z", "from=%00",
        "from=now", "page=0", "page=-1", "page=99999999999", "page=2147483647", "per_page=0", "per_page=101",
        "per_page=1000000", "per_page=1e3", "agent_id=abc", "agent_id=99999999999", "agent_id=-1", "status=%00",
        "status=nope", "status=SUCCEEDED", "page=1&page=2", "per_page=", "from=", "%00=1", "a[]=1", "page=%F0%9F%92%A9",
        "to=2026-01-01", "from=1970-01-01T00:00:00Z&to=1969-12-31T23:59:59Z", "agent_id=1.5", "page=1e2"};
    private static final String[] UNICODE = {"💪🏋️‍♀️", "\u202Eevil\u202C", "a\u0301\u0301\u0301", "\u200B\u200D\uFEFF",
        "⟦LONE_HIGH⟧", "⟦LONE_LOW⟧", "⟦RAW_BAD_UTF8⟧", "日本語のテキスト", "\uFFFF\uFFFE",
        "⟦OVERLONG⟧", "Z̴̡̛̖̹͇̝͉̓̈́͊ͅa̶l̷g̸o", "\u0085\u2028\u2029", "\uD83D\uDE00", "\t\r\n\b\f", "'; DROP TABLE ai_agents; --",
        "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "%s%s%n", "../../etc/passwd"};
    private static final Pattern PLACEHOLDER = Pattern.compile("\"⟦([A-Z_]+)(?::([^⟧]*))?⟧\"|⟦([A-Z_]+)⟧");

    private final SplittableRandom random;
    private final String key;

    public HostileRequests(long seed, String key) {
        this.random = new SplittableRandom(seed);
        this.key = key;
    }

    /** {@code count} requests, cycling through the categories so each gets its share. */
    public List<Case> generate(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String category = CATEGORIES.get(i % CATEGORIES.size());
            cases.add(new Case(category, next(category)));
        }
        return cases;
    }

    public RawHttp.Request next(String category) {
        return switch (category) {
            case "deep_nesting" -> post(mutate(body(), deep()));
            case "nul" -> post(mutate(body(), random.nextBoolean() ? "\u0000" : "a\u0000b"), random.nextBoolean());
            case "huge_number" -> post(mutate(body(), "⟦NUM:" + pick(NUMBERS) + "⟧"));
            case "wrong_type" -> post(mutate(body(), wrongType()));
            case "content_type" -> contentType();
            case "method" -> method();
            case "path" -> path();
            case "long_header" -> longHeader();
            case "unicode" -> unicode();
            case "malformed" -> malformed();
            case "accept" -> post(validBody()).header("Accept", pick(ACCEPTS));
            case "query" -> get("/api/executions?" + pick(ODD_QUERIES));
            case "auth" -> auth();
            default -> throw new IllegalArgumentException(category);
        };
    }

    // --- bodies -----------------------------------------------------------------------------------------------------

    private String path;

    /** A plausible body for a random POST endpoint; remembers the endpoint in {@link #path}. */
    private ObjectNode body() {
        int which = random.nextInt(POST_PATHS.length);
        path = POST_PATHS[which];
        ObjectNode body = JSON.createObjectNode();
        switch (which) {
            case 0 -> {
                body.put("task_type", pick(new String[] {"sum_test", "progress_monitoring", "workout_optimization"}));
                body.putObject("input_data").putArray("numbers").add(1).add(2);
            }
            case 1 -> {
                body.put("agent", "fuzz-sum");
                body.putObject("input").putArray("numbers").add(3);
                body.put("mode", "sync");
            }
            case 2 -> {
                body.put("name", "fuzz-" + random.nextInt(1_000_000));
                body.put("type", "sum_test");
                body.putObject("config").put("temperature", 0.5).put("daily_budget_usd", 1).put("max_tokens", 100);
            }
            case 3 -> {
                body.put("client_id", 1);
                body.putObject("current_metrics").put("weight", 82);
                body.putObject("goal_metrics").put("weight", 76);
                body.putArray("historical_data").addObject().put("date", "2026-01-05").put("weight", 84.5);
                body.putArray("lifts").addObject().put("date", "2026-01-05").put("exercise", "squat")
                        .put("load_kg", 100).put("reps", 5);
            }
            default -> {
                body.put("client_id", 1);
                body.put("duration_weeks", 4);
                body.putArray("focus_areas").add("strength");
                body.put("sessions_per_week", 3);
                body.put("goals", "strength");
                body.put("fitness_level", "beginner");
            }
        }
        return body;
    }

    private byte[] validBody() {
        return text(body()).getBytes(StandardCharsets.UTF_8);
    }

    /** Puts {@code value} (text, or a placeholder) somewhere in the body: a value replaced, or a key added. */
    private byte[] mutate(ObjectNode body, String value) {
        return mutate(body, value, value.indexOf('⟦') < 0 && random.nextInt(4) == 0);
    }

    private byte[] mutate(ObjectNode body, String value, boolean asKey) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (asKey && !(target instanceof ObjectNode)) {
            target = body;
        }
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (asKey || names.isEmpty() || random.nextInt(3) == 0) {
                object.put(asKey ? value : "extra", asKey ? "x" : value);
            } else {
                object.put(names.get(random.nextInt(names.size())), value);
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(value);
            } else {
                array.set(random.nextInt(array.size()), JSON.getNodeFactory().textNode(value));
            }
        }
        return text(body).getBytes(StandardCharsets.UTF_8);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.elements().forEachRemaining(child -> collect(child, out));
        }
    }

    private String deep() {
        int[] depths = {62, 63, 64, 65, 66, 100, 500, 999, 1000, 1001, 2000, 20_000};
        return "⟦DEEP:" + depths[random.nextInt(depths.length)] + "⟧";
    }

    private String wrongType() {
        return "⟦RAW:" + pick(new String[] {"[]", "{}", "null", "true", "false", "\"\"", "[[[]]]", "{\"a\":{}}",
            "[null]", "\"x\"", "0", "[1,\"a\",{}]", "{\"\":\"\"}"}) + "⟧";
    }

    /** The body as text, placeholders expanded into what a serialiser would never write. */
    private String text(JsonNode body) {
        String text = body.toString();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1) != null ? m.group(1) : m.group(3);
            String arg = m.group(2);
            String replacement = switch (kind) {
                case "DEEP" -> nested(Integer.parseInt(arg));
                case "NUM", "RAW" -> arg.replace("\\\"", "\"").replace("\\\\", "\\");
                case "LONE_HIGH" -> m.group(1) != null ? "\"\\ud800\"" : "\\ud800";
                case "LONE_LOW" -> m.group(1) != null ? "\"x\\udfff\"" : "x\\udfff";
                case "RAW_BAD_UTF8" -> m.group(1) != null ? "\"\u00c3(\"" : "\u00c3(";
                case "OVERLONG" -> m.group(1) != null ? "\"\u00c0\u00af\"" : "\u00c0\u00af";
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String nested(int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                open.append("{\"a\":");
                close.append('}');
            } else {
                open.append('[');
                close.append(']');
            }
        }
        return open + "1" + close.reverse();
    }

    // --- requests ---------------------------------------------------------------------------------------------------

    private RawHttp.Request post(byte[] body) {
        return post(body, false);
    }

    private RawHttp.Request post(byte[] body, boolean rawNul) {
        byte[] bytes = body;
        if (rawNul) {
            // The NUL as a raw byte inside a string rather than the escape \u0000: malformed JSON.
            bytes = new String(body, StandardCharsets.UTF_8).replace("\\u0000", "\u0000")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return RawHttp.request("POST", path, key, "application/json", bytes);
    }

    private RawHttp.Request get(String target) {
        return RawHttp.request("GET", target, key, null, null);
    }

    private RawHttp.Request contentType() {
        byte[] valid = validBody();
        byte[] body = random.nextInt(4) == 0 ? "task_type: sum_test\ninput_data:\n  numbers: [1]\n"
                .getBytes(StandardCharsets.UTF_8) : valid;
        return RawHttp.request("POST", path, key, pick(CONTENT_TYPES), body);
    }

    private RawHttp.Request method() {
        String[] paths = {"/api/execute", "/api/executions", "/api/executions/1", "/api/agents", "/api/agents/1",
            "/api/ai/progress-prediction", "/api/workouts/auto-generate", "/api/health", "/api/executions/1/cancel"};
        String method = pick(METHODS);
        boolean withBody = random.nextBoolean() && !method.equals("HEAD");
        return RawHttp.request(method, pick(paths), key, withBody ? "application/json" : null,
                withBody ? validBody() : null);
    }

    private RawHttp.Request path() {
        String target = pick(ODD_PATHS);
        return random.nextBoolean() ? get(target) : RawHttp.request("POST", target, key, "application/json",
                validBody());
    }

    private RawHttp.Request longHeader() {
        int[] lengths = {200, 255, 256, 1000, 4000, 8192, 12_000, 30_000};
        int length = lengths[random.nextInt(lengths.length)];
        String value = "k".repeat(length);
        RawHttp.Request request = post(validBody());
        return switch (random.nextInt(6)) {
            case 0, 1 -> request.header("Idempotency-Key", value);
            case 2 -> request.header("X-Custom", value);
            case 3 -> RawHttp.request("GET", "/api/executions", null, null, null).header("X-API-Key", value);
            case 4 -> request.header("Accept", "application/json;" + "q=1;".repeat(length / 4));
            default -> {
                RawHttp.Request many = request;
                for (int i = 0; i < Math.min(length / 40, 300); i++) {
                    many = many.header("X-Many-" + i, "v");
                }
                yield many;
            }
        };
    }

    private RawHttp.Request unicode() {
        String text = pick(UNICODE);
        return switch (random.nextInt(5)) {
            case 0 -> post(mutate(body(), text, true));
            case 1 -> post(mutate(body(), text, false));
            case 2 -> get("/api/executions?status=" + text);
            case 3 -> post(validBody()).header("Idempotency-Key", text);
            default -> post(("\uFEFF" + new String(validBody(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private RawHttp.Request malformed() {
        String valid = new String(validBody(), StandardCharsets.UTF_8);
        String[] bodies = {"", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1,}", "[1,]",
            valid + "garbage", valid + "{}", valid.substring(0, valid.length() / 2), "{\"a\":1}//c", "/*c*/{}",
            "null", "[]", "\"text\"", "12", "true", "{\"a\":01}", "{\"a\":NaN}", "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\":\"tab\there\"}", "\u0000", "{\"\u0000\":1}",
            "{\"a\":1}\u0000", "{\"a\":1,\"a\":2}", "{\"" + "k".repeat(60_000) + "\":1}"};
        return RawHttp.request("POST", path, key, "application/json",
                pick(bodies).getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Request auth() {
        RawHttp.Request request = RawHttp.request("GET", pick(READ_PATHS), null, null, null);
        return switch (random.nextInt(6)) {
            case 0 -> request;
            case 1 -> request.header("Authorization", "Bearer ");
            case 2 -> request.header("Authorization", "Basic YWRtaW46YWRtaW4=");
            case 3 -> request.header("X-API-Key", "fco_" + "x".repeat(random.nextInt(300)));
            case 4 -> request.header("Authorization", "Bearer " + key + "x");
            default -> RawHttp.request("GET", pick(ODD_PATHS), null, null, null);
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
