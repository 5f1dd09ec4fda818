package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Python tracebacks (with their chains), Java stack traces ("Caused by:", "... N more", "Suppressed:") and
 * Node.js stacks, and finds them one by one in a log. Parsing is line by line and forgiving: a trace cut short still
 * gives the frames it has.
 */
final class Traces {

    record Frame(String file, String module, String function, int line, String code, boolean inApp) {
    }

    record Failure(String type, String message, List<Frame> frames) {
    }

    /**
     * @param chain the exceptions in printed order
     * @param root  the index of the root cause in {@code chain}
     */
    record Trace(Language language, List<Failure> chain, int root, int surfaced) {
        Failure rootCause() {
            return chain.get(root);
        }

        Failure surfacedFailure() {
            return chain.get(surfaced);
        }
    }

    static final Pattern PY_FRAME = Pattern.compile("^\\s*File \"(.+?)\", line (\\d+)(?:, in (.+))?$");
    private static final Pattern PY_EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]*)(?::\\s?(.*))?$");
    private static final Pattern JAVA_FRAME = Pattern.compile("^\\s*at\\s+([^\\s(]+)\\(([^)]*)\\)\\s*(?:~?\\[.*])?\\s*$");
    static final Pattern JAVA_HEADER = Pattern.compile(
            "^(?:.*?\\b(?:Exception in thread \"[^\"]*\"\\s+)?)?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*"
                    + "(?:Exception|Error|Throwable|Failure|Fault)[\\w$]*)(?::\\s?(.*))?$");
    private static final Pattern NODE_FRAME = Pattern.compile("^\\s*at\\s+(?:(.+?)\\s+\\()?([^()\\s]+?):(\\d+)(?::(\\d+))?\\)?\\s*$");
    static final Pattern NODE_HEADER = Pattern.compile(
            "^(?:.*?\\s)?(?:Uncaught\\s+)?((?:[A-Z]\\w*)?(?:Error|Exception)|[A-Z]\\w*Error\\w*)(?:\\s*\\[[A-Z_]+])?(?::\\s?(.*))?$");
    private static final Pattern PY_CHAIN = Pattern.compile(
            "^(During handling of the above exception, another exception occurred:|"
                    + "The above exception was the direct cause of the following exception:)\\s*$");

    private Traces() {
    }

    /** The language a trace is written in, from its shape. */
    static Language detect(String trace) {
        if (trace == null) {
            return Language.UNKNOWN;
        }
        if (trace.contains("Traceback (most recent call last)") || PY_FRAME.matcher(firstFrameLine(trace)).find()) {
            return Language.PYTHON;
        }
        for (String line : trace.split("\\R")) {
            Matcher java = JAVA_FRAME.matcher(line);
            if (java.matches() && (java.group(2).contains(".java") || java.group(2).contains(".kt")
                    || java.group(2).equals("Native Method") || java.group(2).equals("Unknown Source")
                    || java.group(2).startsWith("<generated>"))) {
                return Language.JAVA;
            }
            if (NODE_FRAME.matcher(line).matches()) {
                return Language.JAVASCRIPT;
            }
        }
        return Language.UNKNOWN;
    }

    private static String firstFrameLine(String trace) {
        for (String line : trace.split("\\R")) {
            if (line.trim().startsWith("File \"")) {
                return line;
            }
        }
        return "";
    }

    static Trace parse(String trace, Language hint, String type, String message) {
        Language language = hint == null || hint == Language.UNKNOWN ? detect(trace) : hint;
        List<String> lines = trace == null ? List.of() : List.of(trace.split("\\R"));
        Trace parsed = switch (language) {
            case PYTHON -> python(lines);
            case JAVA -> java(lines);
            case JAVASCRIPT, TYPESCRIPT -> node(lines);
            default -> null;
        };
        if (parsed == null || parsed.chain().isEmpty()) {
            String t = type != null && !type.isBlank() ? type.strip() : "Error";
            return new Trace(language, List.of(new Failure(t, message == null ? "" : message.strip(), List.of())), 0, 0);
        }
        return parsed;
    }

    private static Trace python(List<String> lines) {
        List<Failure> chain = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        boolean inTrace = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher frame = PY_FRAME.matcher(line);
            if (line.startsWith("Traceback (most recent call last)")) {
                inTrace = true;
                frames = new ArrayList<>();
            } else if (frame.matches()) {
                inTrace = true;
                String code = i + 1 < lines.size() && !PY_FRAME.matcher(lines.get(i + 1)).matches()
                        && lines.get(i + 1).startsWith("    ") ? lines.get(i + 1).strip() : "";
                String file = frame.group(1);
                frames.add(new Frame(file, pythonModule(file), pythonFunction(frame.group(3)),
                        Integer.parseInt(frame.group(2)), code, pythonInApp(file)));
            } else if (PY_CHAIN.matcher(line.strip()).matches() || line.isBlank()) {
                continue;
            } else if (inTrace && !line.startsWith(" ") && !line.startsWith("\t")) {
                Matcher exception = PY_EXCEPTION.matcher(line.strip());
                if (exception.matches()) {
                    chain.add(new Failure(exception.group(1), exception.group(2) == null ? "" : exception.group(2),
                            List.copyOf(frames)));
                    frames = new ArrayList<>();
                    inTrace = false;
                }
            }
        }
        // Python prints the cause first and the exception that surfaced last.
        return new Trace(Language.PYTHON, chain, 0, Math.max(0, chain.size() - 1));
    }

    private static Trace java(List<String> lines) {
        List<Failure> chain = new ArrayList<>();
        String type = null;
        String message = null;
        List<Frame> frames = new ArrayList<>();
        int suppressedIndent = -1;
        for (String raw : lines) {
            String line = raw.stripTrailing();
            String trimmed = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (suppressedIndent >= 0 && indent > suppressedIndent) {
                continue; // a suppressed exception's own frames
            }
            suppressedIndent = -1;
            if (trimmed.startsWith("Suppressed:")) {
                suppressedIndent = indent;
                continue;
            }
            Matcher frame = JAVA_FRAME.matcher(trimmed.startsWith("at ") ? trimmed : "");
            if (frame.matches() && type != null) {
                frames.add(javaFrame(frame.group(1), frame.group(2)));
                continue;
            }
            if (trimmed.startsWith("...") && trimmed.endsWith("more")) {
                continue;
            }
            String header = trimmed.startsWith("Caused by:") ? trimmed.substring("Caused by:".length()).strip() : trimmed;
            Matcher h = JAVA_HEADER.matcher(header);
            if (h.matches() && (type == null || trimmed.startsWith("Caused by:"))) {
                if (type != null) {
                    chain.add(new Failure(type, message, List.copyOf(frames)));
                }
                type = h.group(1);
                message = h.group(2) == null ? "" : h.group(2);
                frames = new ArrayList<>();
            }
        }
        if (type != null) {
            chain.add(new Failure(type, message, List.copyOf(frames)));
        }
        return new Trace(Language.JAVA, chain, Math.max(0, chain.size() - 1), 0);
    }

    private static Trace node(List<String> lines) {
        List<Failure> chain = new ArrayList<>();
        String type = null;
        String message = null;
        List<Frame> frames = new ArrayList<>();
        for (String raw : lines) {
            String trimmed = raw.strip();
            Matcher frame = NODE_FRAME.matcher(trimmed);
            if (type != null && trimmed.startsWith("at ") && frame.matches()) {
                frames.add(nodeFrame(frame.group(1), frame.group(2), frame.group(3)));
                continue;
            }
            String header = trimmed.replaceFirst("^\\[cause]:\\s*", "").replaceFirst("^Caused by:\\s*", "");
            Matcher h = NODE_HEADER.matcher(header);
            boolean cause = trimmed.startsWith("[cause]:") || trimmed.startsWith("Caused by:");
            if (h.matches() && (type == null || cause)) {
                if (type != null) {
                    chain.add(new Failure(type, message, List.copyOf(frames)));
                }
                type = h.group(1);
                message = h.group(2) == null ? "" : h.group(2);
                frames = new ArrayList<>();
            }
        }
        if (type != null) {
            chain.add(new Failure(type, message, List.copyOf(frames)));
        }
        return new Trace(Language.JAVASCRIPT, chain, Math.max(0, chain.size() - 1), 0);
    }

    // --- frames: module, function, in-app ---

    static boolean pythonInApp(String file) {
        String f = file.replace('\\', '/');
        return !(f.contains("/site-packages/") || f.contains("/dist-packages/") || f.matches(".*/lib/python\\d[.\\d]*/.*")
                || f.startsWith("<") || f.contains("/.venv/") || f.contains("/venv/"));
    }

    /** The last two path segments without the extension: deployments differ in where the app lives, not in this. */
    static String pythonModule(String file) {
        String f = file.replace('\\', '/').replaceAll("\\.py$", "");
        String[] parts = f.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : parts[parts.length - 1];
    }

    private static String pythonFunction(String function) {
        return function == null ? "<module>" : function.strip();
    }

    private static final List<String> JAVA_LIBRARIES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.springframework.", "org.apache.", "org.hibernate.", "jakarta.", "kotlin.", "io.netty.", "com.zaxxer.",
            "org.postgresql.", "reactor.", "org.junit.", "com.fasterxml.", "org.eclipse.", "io.micrometer.",
            "org.aspectj.", "net.bytebuddy.", "org.quartz.", "com.vaadin.", "ch.qos.", "org.slf4j.");

    private static Frame javaFrame(String qualified, String location) {
        // Java 9+ prefixes the module and class loader: "java.base/java.lang.Thread.run", "app//com.x.Y.z".
        String name = qualified.contains("/") ? qualified.substring(qualified.lastIndexOf('/') + 1) : qualified;
        int dot = name.lastIndexOf('.');
        String cls = dot > 0 ? name.substring(0, dot) : name;
        String method = dot > 0 ? name.substring(dot + 1) : "";
        String file = location.contains(":") ? location.substring(0, location.indexOf(':')) : location;
        int line = 0;
        if (location.contains(":")) {
            try {
                line = Integer.parseInt(location.substring(location.lastIndexOf(':') + 1).trim());
            } catch (NumberFormatException ignored) {
                line = 0; // "Unknown Source", "<generated>"
            }
        }
        boolean library = JAVA_LIBRARIES.stream().anyMatch(cls::startsWith) || cls.startsWith("$Proxy")
                || cls.contains(".$Proxy") || cls.startsWith("jdk.proxy");
        return new Frame(file, javaClass(cls), javaMethod(method), line, "", !library);
    }

    /** Drops what code generation adds: CGLIB/ByteBuddy/Hibernate proxy suffixes, lambda classes, proxy numbers. */
    static String javaClass(String cls) {
        return cls.replaceAll("\\$\\$(EnhancerBySpringCGLIB|SpringCGLIB|FastClassBySpringCGLIB|EnhancerByCGLIB)"
                        + "\\$\\$[0-9a-fA-Fx]+", "")
                .replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "")
                .replaceAll("\\$HibernateProxy\\$\\w+", "")
                .replaceAll("\\$ByteBuddy\\$\\w+", "")
                .replaceAll("\\$\\$Lambda(\\$\\d+)?(/0x[0-9a-fA-F]+)?(/\\d+)?", "\\$\\$Lambda")
                .replaceAll("\\$Proxy\\d+", "\\$Proxy");
    }

    /** {@code lambda$find$0} → {@code lambda$find}: the counter changes whenever a lambda is added above. */
    static String javaMethod(String method) {
        return method.replaceAll("^lambda\\$(.+?)\\$\\d+$", "lambda\\$$1")
                .replaceAll("\\$\\d+$", "");
    }

    private static Frame nodeFrame(String function, String location, String line) {
        String file = location.replace('\\', '/').replaceFirst("^file://", "");
        boolean library = file.contains("/node_modules/") || file.startsWith("node:") || file.startsWith("internal/")
                || file.equals("native") || file.startsWith("<anonymous>");
        String f = function == null ? "<anonymous>" : function
                .replaceAll("\\s*\\[as [^]]+]", "")
                .replaceFirst("^async\\s+", "")
                .replaceFirst("^new\\s+", "")
                .strip();
        String module = file.replaceAll("\\.(m|c)?[jt]sx?$", "");
        String[] parts = module.split("/");
        module = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : parts[parts.length - 1];
        return new Frame(file, module, f.isEmpty() ? "<anonymous>" : f, Integer.parseInt(line), "", !library);
    }

    // --- a log: the errors in it, one by one ---

    /** Each error in a log as its own block of lines (a whole trace with its chain, or one ERROR line). */
    static List<String> splitLog(String log) {
        List<String> errors = new ArrayList<>();
        List<String> lines = List.of(log.split("\\R"));
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int end;
            if (line.contains("Traceback (most recent call last)")) {
                end = pythonBlockEnd(lines, i);
            } else if (isHeaderFollowedByFrames(lines, i)) {
                end = frameBlockEnd(lines, i);
            } else if (line.toUpperCase(Locale.ROOT).matches(".*\\b(ERROR|FATAL|CRITICAL|SEVERE)\\b.*")
                    && (JAVA_HEADER.matcher(line.strip()).find() || line.matches(".*\\b\\w*(Error|Exception)\\b.*"))) {
                end = i + 1;
            } else {
                i++;
                continue;
            }
            String block = String.join("\n", lines.subList(i, Math.min(end, lines.size())));
            if (line.contains("Traceback (most recent call last)") && line.indexOf("Traceback") > 0) {
                block = block.substring(line.indexOf("Traceback"));
            }
            errors.add(block);
            i = Math.max(end, i + 1);
        }
        return errors;
    }

    private static int pythonBlockEnd(List<String> lines, int start) {
        int i = start + 1;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("Traceback")) {
                i++;
                continue;
            }
            // The exception line ends the block, unless a chain follows.
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            if (next < lines.size() && PY_CHAIN.matcher(lines.get(next).strip()).matches()) {
                i = next + 1;
                continue;
            }
            return i + 1;
        }
        return i;
    }

    private static boolean isHeaderFollowedByFrames(List<String> lines, int i) {
        if (i + 1 >= lines.size() || !lines.get(i + 1).strip().startsWith("at ")) {
            return false;
        }
        String line = lines.get(i).strip();
        return JAVA_HEADER.matcher(line).matches() || NODE_HEADER.matcher(line).matches();
    }

    private static int frameBlockEnd(List<String> lines, int start) {
        int i = start + 1;
        while (i < lines.size()) {
            String t = lines.get(i).strip();
            if (t.startsWith("at ") || t.startsWith("...") || t.startsWith("Caused by:") || t.startsWith("Suppressed:")
                    || t.startsWith("[cause]:") || t.equals("}") || t.startsWith("code:")) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
