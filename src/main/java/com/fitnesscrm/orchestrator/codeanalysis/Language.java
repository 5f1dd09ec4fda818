package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A language the Code Analyzer has rules for; {@link #UNKNOWN} gets only the language-neutral rules (secrets). */
public enum Language implements Coded {
    PYTHON(".py", ".pyw"),
    JAVA(".java"),
    JAVASCRIPT(".js", ".jsx", ".mjs", ".cjs"),
    TYPESCRIPT(".ts", ".tsx", ".mts", ".cts"),
    UNKNOWN;

    private final String[] extensions;

    Language(String... extensions) {
        this.extensions = extensions;
    }

    /** By its code or a common alias ({@code py}, {@code js}, {@code ts}, {@code node}); empty when not one of ours. */
    public static Optional<Language> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String code = name.trim().toLowerCase(Locale.ROOT);
        return switch (code) {
            case "py", "python3" -> Optional.of(PYTHON);
            case "js", "node", "nodejs", "ecmascript" -> Optional.of(JAVASCRIPT);
            case "ts" -> Optional.of(TYPESCRIPT);
            default -> Arrays.stream(values()).filter(l -> l != UNKNOWN && l.code().equals(code)).findFirst();
        };
    }

    /** From a file's extension; {@link #UNKNOWN} for anything else (a {@code .rb}, a {@code Dockerfile}). */
    public static Language fromPath(String path) {
        if (path == null) {
            return UNKNOWN;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            for (String extension : language.extensions) {
                if (lower.endsWith(extension)) {
                    return language;
                }
            }
        }
        return UNKNOWN;
    }

    /** JavaScript and TypeScript share one tokenizer and one rule set (types are no help against injection). */
    public boolean isJavaScriptFamily() {
        return this == JAVASCRIPT || this == TYPESCRIPT;
    }
}
