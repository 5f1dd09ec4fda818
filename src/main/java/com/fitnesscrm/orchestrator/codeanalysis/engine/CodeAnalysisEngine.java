package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.Category;
import com.fitnesscrm.orchestrator.codeanalysis.CodeFindings;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource.AnalysisType;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorAnalysis;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorSource;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import com.fitnesscrm.orchestrator.codeanalysis.LoggedError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The Code Analyzer's rules engine for code: tokenises the source (it never runs it), applies the language's rules
 * (our own for Python and JavaScript/TypeScript, PMD's plus ours for Java) and the language-neutral secret rules, and
 * returns issues with every secret redacted. Deterministic, no network, thread-safe.
 */
public final class CodeAnalysisEngine {

    public CodeFindings analyse(CodeSource source) {
        SecretRules.Unmarked unmarked = SecretRules.unmark(source.code() == null ? "" : source.code());
        String code = unmarked.code();
        Language language = source.language() == null ? Language.UNKNOWN : source.language();
        List<String> notes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Tokens tokens;
        switch (language) {
            case PYTHON -> {
                tokens = Tokenizer.tokenize(code, Tokenizer.Mode.PYTHON);
                findings.addAll(PythonRules.find(new Code(tokens, true, false)));
            }
            case JAVASCRIPT, TYPESCRIPT -> {
                tokens = Tokenizer.tokenize(code, Tokenizer.Mode.C_LIKE_JS);
                findings.addAll(JavaScriptRules.find(new Code(tokens, false, false)));
            }
            case JAVA -> {
                tokens = Tokenizer.tokenize(code, Tokenizer.Mode.C_LIKE_JAVA);
                findings.addAll(JavaRules.find(new Code(tokens, false, true)));
                if (source.analysisType() != AnalysisType.QUICK) {
                    PmdRules.Result pmd = PmdRules.find(code);
                    findings.addAll(pmd.findings());
                    pmd.parseError().ifPresent(error -> notes.add("PMD could not parse the Java code, so only our own "
                            + "Java rules and the secret rules ran."));
                }
            }
            default -> {
                // Lines are all the secret rules need; a C-like tokenizer would misread an unknown language anyway.
                tokens = new Tokens(List.of(), List.of(), code.split("\r\n|\r|\n", -1));
                notes.add("The language of " + (source.filePath() == null ? "this code" : source.filePath())
                        + " is not one the analyzer has rules for (python, java, javascript, typescript): only the "
                        + "language-neutral rules (secrets) ran.");
            }
        }
        List<SecretRules.Secret> secrets = SecretRules.find(tokens);
        secrets.forEach(s -> findings.add(s.finding()));
        unmarked.secrets().forEach(s -> findings.add(s.finding()));
        List<CodeIssue> issues = Issues.build(source.filePath() == null ? "" : source.filePath(), tokens, findings,
                secrets.stream().map(SecretRules.Secret::value).toList());
        if (source.analysisType() == AnalysisType.SECURITY) {
            issues = issues.stream().filter(i -> i.category().equals(Category.SECURITY.code())).toList();
        }
        return new CodeFindings(language, issues, notes);
    }

    /**
     * Parses, groups and explains one error. The language is the one sent, else told from the trace; a message that
     * holds a secret (a DSN with its password) is redacted like code.
     */
    public ErrorAnalysis analyseError(ErrorSource error) {
        Traces.Trace trace = Traces.parse(error.stackTrace(), error.language(), error.type(), error.error());
        if (trace.chain().size() == 1 && trace.rootCause().frames().isEmpty() && error.error() != null
                && !error.error().isBlank() && trace.rootCause().message().isBlank()) {
            Traces.Failure only = trace.rootCause();
            trace = new Traces.Trace(trace.language(), List.of(new Traces.Failure(only.type(), error.error().strip(),
                    List.of())), 0, 0);
        }
        return ErrorRules.analyse(trace, this::redact);
    }

    /** The errors in a log, one analysis each, in the order they appear. */
    public List<ErrorAnalysis> analyseLog(String log) {
        return analyseLogBlocks(log).stream().map(LoggedError::analysis).toList();
    }

    /** {@link #analyseLog}, each error with the part of the log it was read from (its trace, as a group keeps it). */
    public List<LoggedError> analyseLogBlocks(String log) {
        List<LoggedError> errors = new ArrayList<>();
        for (String block : Traces.splitLog(log == null ? "" : log)) {
            Language language = Traces.detect(block);
            String firstLine = block.lines().findFirst().orElse("").strip();
            String type = null;
            String message = firstLine;
            Matcher header = Traces.JAVA_HEADER.matcher(firstLine);
            if (language == Language.UNKNOWN && header.find()) {
                type = header.group(1);
                message = header.group(2) == null ? "" : header.group(2);
            }
            errors.add(new LoggedError(analyseError(new ErrorSource(message, block, type, language)), block));
        }
        return errors;
    }

    /** Every secret literal in the text, for callers that must redact text the engine did not analyse. */
    public List<String> secretsIn(String text) {
        Tokens lines = new Tokens(List.of(), List.of(), text == null ? new String[0] : text.split("\r\n|\r|\n", -1));
        return SecretRules.find(lines).stream().map(SecretRules.Secret::value).toList();
    }

    /**
     * The code as a run's recorded input keeps it: each secret redacted and marked, so that {@link #analyse} of the
     * marked code (an async run reads its recorded input) still reports it, on the same line with the same
     * fingerprint, while the secret itself is stored nowhere.
     */
    public String redactForRecord(String code) {
        return code == null ? null : SecretRules.mark(code);
    }

    /** The text with every secret in it redacted (first four characters and …). */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<String> fragments = new ArrayList<>();
        for (String secret : secretsIn(text)) {
            for (String part : secret.split("\\R")) {
                if (part.strip().length() >= 4) {
                    fragments.add(part.strip());
                }
            }
        }
        fragments.sort((a, b) -> b.length() - a.length());
        return Issues.redactAll(text, fragments);
    }
}
