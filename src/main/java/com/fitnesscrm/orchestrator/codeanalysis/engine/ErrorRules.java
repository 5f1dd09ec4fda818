package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.ErrorAnalysis;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Traces.Failure;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Traces.Frame;
import com.fitnesscrm.orchestrator.codeanalysis.engine.Traces.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups a parsed trace (Sentry's way: the exception types of the chain and their in-app frames; the message only
 * when no frame is the app's, with its numbers, ids and quoted values stripped) and explains it by rules.
 */
final class ErrorRules {

    private record Cause(String rule, String cause, String fix) {
    }

    private static final Pattern POOL_TIMEOUT = Pattern.compile("(?i)(QueuePool limit of size \\d+ overflow \\d+ reached"
            + "|Connection is not available, request timed out after \\d+ms|Timeout acquiring a connection"
            + "|ResourceRequest timed out|SQLTransientConnectionException|pool (is )?exhausted"
            + "|timeout exceeded when trying to connect|remaining connection slots are reserved)");
    private static final Pattern REQUEST_READ = Pattern.compile(
            "request\\.(get_)?json|get_json\\(|request\\.(form|args|values)\\[|\\b(data|payload|body|json_data)\\[");
    private static final Pattern HELPFUL_NPE = Pattern.compile("because \"(.+?)\" is null");
    private static final Pattern NONE_ATTRIBUTE = Pattern.compile("'NoneType' object has no attribute '(\\w+)'");
    private static final Pattern UNDEFINED_PROPERTY = Pattern.compile(
            "Cannot read propert(?:y|ies) of (undefined|null) \\(reading '([^']+)'\\)");

    private ErrorRules() {
    }

    static ErrorAnalysis analyse(Trace trace, UnaryOperator<String> redact) {
        Failure root = trace.rootCause();
        Failure surfaced = trace.surfacedFailure();
        List<ErrorAnalysis.Frame> inApp = inApp(root).stream()
                .map(f -> new ErrorAnalysis.Frame(trace.language() == Language.JAVA ? f.module() : f.file(),
                        f.function())).toList();
        List<String> chain = trace.chain().stream().map(f -> redact.apply(headline(f))).toList();
        Cause cause = explain(trace, root);
        return new ErrorAnalysis(fingerprint(trace, redact), redact.apply(truncate(headline(surfaced), 200)), root.type(),
                redact.apply(truncate(root.message(), 1000)), trace.language(), inApp, chain,
                redact.apply(cause.cause()), cause.fix(), cause.rule());
    }

    private static String headline(Failure f) {
        return f.message().isBlank() ? f.type() : f.type() + ": " + f.message();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** In-app frames, consecutive repeats (recursion) collapsed. */
    private static List<Frame> inApp(Failure failure) {
        List<Frame> frames = new ArrayList<>();
        for (Frame f : failure.frames()) {
            if (!f.inApp()) {
                continue;
            }
            Frame last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
            if (last == null || !(last.module().equals(f.module()) && last.function().equals(f.function()))) {
                frames.add(f);
            }
        }
        return frames;
    }

    /**
     * The group's identity. The message joins it only without frames of the app's, and then redacted first: the
     * raw report and its run (which reads the recorded, redacted input) must agree on the group.
     */
    static String fingerprint(Trace trace, UnaryOperator<String> redact) {
        StringBuilder identity = new StringBuilder(trace.language().code());
        boolean anyInApp = false;
        for (Failure failure : trace.chain()) {
            identity.append('\n').append(failure.type());
            for (Frame f : inApp(failure)) {
                anyInApp = true;
                identity.append('\n').append(f.module()).append(' ').append(f.function());
            }
        }
        if (!anyInApp) {
            // Sentry's fallback: without the app's frames the message must tell causes apart, its variables stripped.
            identity.append('\n').append(normalizeMessage(redact.apply(trace.rootCause().message())));
        }
        return Issues.fingerprint(identity.toString());
    }

    /** Numbers, hex ids, UUIDs, e-mail addresses and quoted values replaced by placeholders. */
    static String normalizeMessage(String message) {
        return message
                .replaceAll("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("(?i)\\b0x[0-9a-f]+\\b", "<hex>")
                .replaceAll("\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b", "<email>")
                .replaceAll("'[^']*'|\"[^\"]*\"", "<value>")
                .replaceAll("(?i)\\b[0-9a-f]{12,}\\b", "<hex>")
                .replaceAll("\\d+(\\.\\d+)?", "<n>")
                .strip();
    }

    private static Cause explain(Trace trace, Failure root) {
        String type = simple(root.type());
        for (Failure f : trace.chain()) {
            if (POOL_TIMEOUT.matcher(f.type() + ": " + f.message()).find()
                    || simple(f.type()).equals("TimeoutError") && f.type().contains("sqlalchemy")) {
                return new Cause("error.connection-pool-timeout",
                        "The database connection pool was exhausted: every connection was in use and the request "
                                + "waited past the pool's timeout (" + truncate(f.message(), 160) + ").",
                        "Give connections back promptly (with-blocks, try-with-resources, session.close() in a "
                                + "teardown), look for long transactions or leaks, and size the pool to what the "
                                + "database's max_connections allows across all app instances.");
            }
        }
        if (type.equals("KeyError")) {
            String key = root.message().strip();
            boolean fromRequest = root.frames().stream().anyMatch(f -> f.inApp() && REQUEST_READ.matcher(f.code()).find());
            if (fromRequest) {
                return new Cause("error.key-error.request-json",
                        "The handler reads " + key + " from the request's JSON with [...], and this request did not "
                                + "send it.",
                        "Read optional fields with .get(" + key + ") and validate the body first (answer 400/422 "
                                + "naming the missing field) instead of letting the KeyError become a 500.");
            }
            return new Cause("error.key-error", "A dict was read with a key it does not have: " + key + ".",
                    "Use .get() with a default, or check the key first.");
        }
        boolean optionalFrame = root.frames().stream()
                .anyMatch(f -> f.module().equals("Optional") && f.function().matches("get|orElseThrow"));
        if (type.equals("NoSuchElementException") && (root.message().contains("No value present") || optionalFrame)) {
            return new Cause("error.optional-get-empty",
                    "Optional.get() (or orElseThrow()) was called on an empty Optional: the lookup found nothing.",
                    "Handle the empty case: orElseThrow(() -> new NotFoundException(…)) mapped to 404, or orElse(…).");
        }
        if (type.equals("NullPointerException")) {
            if (root.message().contains("Optional")) {
                return new Cause("error.npe-optional",
                        "A method that returns Optional returned null, and .get() was called on it: "
                                + truncate(root.message(), 200),
                        "Return Optional.empty(), never null, from Optional-returning methods; then handle the "
                                + "empty case with orElseThrow/orElse.");
            }
            Matcher m = HELPFUL_NPE.matcher(root.message());
            if (m.find()) {
                return new Cause("error.npe", "The value " + m.group(1) + " was null where it was used.",
                        "Check where " + m.group(1) + " comes from; guard it (Objects.requireNonNull with a message) "
                                + "or return Optional from the lookup.");
            }
            return new Cause("error.npe", "A null value was used as an object.",
                    "Find the null at the first in-app frame and guard it, or make the lookup return Optional.");
        }
        Matcher none = NONE_ATTRIBUTE.matcher(root.message());
        if (type.equals("AttributeError") && none.find()) {
            return new Cause("error.none-attribute",
                    "A value was None where an object was expected (reading ." + none.group(1) + "): a lookup "
                            + "returned None.", "Check the lookup's result for None (e.g. first_or_404(), or an early "
                    + "return) before reading ." + none.group(1) + ".");
        }
        Matcher undefined = UNDEFINED_PROPERTY.matcher(root.message());
        if (type.equals("TypeError") && undefined.find()) {
            return new Cause("error.undefined-property",
                    "A value was " + undefined.group(1) + " where an object was expected (reading '" + undefined.group(2)
                            + "').", "Check the value before reading it (optional chaining ?. with a fallback, or "
                    + "an early 404 when a lookup found nothing).");
        }
        String all = root.type() + ": " + root.message();
        if (all.matches("(?is).*(UniqueViolation|IntegrityError|duplicate key|DataIntegrityViolation|"
                + "ER_DUP_ENTRY|SQLITE_CONSTRAINT).*")) {
            return new Cause("error.constraint-violation",
                    "A write broke a database constraint (a duplicate key or a missing reference).",
                    "Check for the existing row first or upsert (ON CONFLICT), and answer 409 instead of 500.");
        }
        if (all.matches("(?is).*(ECONNREFUSED|Connection refused|could not connect to server|ConnectException).*")) {
            return new Cause("error.connection-refused",
                    "A service the app calls refused the connection: it is down or at another address.",
                    "Check the service's host and port in configuration; retry with backoff and answer 503.");
        }
        String where = inApp(root).stream().reduce((a, b) -> b).map(f -> " in " + f.module() + "." + f.function())
                .orElse("");
        return new Cause("error.unexplained", root.type() + " was raised" + where + ".",
                "Read the innermost in-app frame first; add a test that reproduces this input.");
    }

    private static String simple(String type) {
        int dot = type.lastIndexOf('.');
        return dot >= 0 ? type.substring(dot + 1) : type;
    }
}
