package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.Category.BUG;
import static com.fitnesscrm.orchestrator.codeanalysis.Category.PERFORMANCE;
import static com.fitnesscrm.orchestrator.codeanalysis.Category.SECURITY;
import static com.fitnesscrm.orchestrator.codeanalysis.Category.STYLE;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.HIGH;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.LOW;
import static com.fitnesscrm.orchestrator.codeanalysis.Severity.MEDIUM;

import com.fitnesscrm.orchestrator.codeanalysis.Category;
import com.fitnesscrm.orchestrator.codeanalysis.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.LanguageRegistry;
import net.sourceforge.pmd.lang.document.FileId;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;
import net.sourceforge.pmd.util.log.PmdReporter;

/**
 * PMD 7's Java rules, run in-process on the snippet (PMD parses, it never compiles or runs). Only rules whose finding
 * a reviewer acts on are loaded — no naming or comment conventions, which would bury the findings that matter — and
 * each is mapped to our issue type, category and severity. A snippet that is not a whole compilation unit (a method,
 * some statements) is parsed again inside a class (and a method) on the same lines, so line numbers stay the file's.
 */
final class PmdRules {

    private record Mapping(String issueType, Category category, Severity severity, String suggestion) {
    }

    /** PMD rule (category file / name) → ours. */
    private static final Map<String, Mapping> RULES = new LinkedHashMap<>();

    static {
        errorProne("EmptyCatchBlock", "swallowed_exception", BUG, MEDIUM,
                "Log or rethrow the exception, or say in a comment why it is safe to ignore.");
        errorProne("UseEqualsToCompareStrings", "string_identity_comparison", BUG, MEDIUM,
                "Compare strings with equals (\"literal\".equals(value)).");
        errorProne("CloseResource", "resource_leak", BUG, MEDIUM,
                "Open it in a try-with-resources statement so it is closed on every path.");
        errorProne("ReturnFromFinallyBlock", "return_from_finally", BUG, MEDIUM,
                "Return after the try statement: a return in finally discards the exception.");
        errorProne("DoNotThrowExceptionInFinally", "exception_in_finally", BUG, MEDIUM,
                "Do not throw from finally: it replaces the exception that is already on its way.");
        errorProne("AvoidCatchingNPE", "catching_null_pointer", BUG, MEDIUM,
                "Check for null (or use Optional) instead of catching NullPointerException.");
        errorProne("EqualsNull", "equals_null", BUG, MEDIUM, "Compare with == null.");
        errorProne("BrokenNullCheck", "broken_null_check", BUG, HIGH,
                "Use && with != null (or || with == null): as written the check itself throws.");
        errorProne("MisplacedNullCheck", "misplaced_null_check", BUG, MEDIUM,
                "Check for null before the value is used, not after.");
        errorProne("ComparisonWithNaN", "comparison_with_nan", BUG, MEDIUM, "Use Double.isNaN(value).");
        errorProne("OverrideBothEqualsAndHashcode", "equals_without_hashcode", BUG, MEDIUM,
                "Override equals and hashCode together (or use a record).");
        errorProne("JumbledIncrementer", "jumbled_incrementer", BUG, HIGH,
                "The inner loop increments the outer loop's variable: increment its own.");
        errorProne("UselessOperationOnImmutable", "useless_operation_on_immutable", BUG, MEDIUM,
                "Use the returned value: the object itself is immutable and does not change.");
        errorProne("AvoidDecimalLiteralsInBigDecimalConstructor", "bigdecimal_from_double", BUG, MEDIUM,
                "Use new BigDecimal(\"0.1\") or BigDecimal.valueOf(0.1).");
        errorProne("IdempotentOperations", "idempotent_operation", BUG, LOW,
                "The operation has no effect (x = x): assign what was meant.");
        add("bestpractices", "PreserveStackTrace", "lost_stack_trace", BUG, LOW,
                "Pass the caught exception as the cause of the new one.");
        add("bestpractices", "AvoidPrintStackTrace", "print_stack_trace", STYLE, LOW,
                "Log it with the logger (log.error(\"…\", e)) so it reaches the logs.");
        add("bestpractices", "UnusedLocalVariable", "unused_variable", STYLE, LOW, "Remove the unused variable.");
        add("multithreading", "DoubleCheckedLocking", "double_checked_locking", BUG, HIGH,
                "Make the field volatile, or use a holder class / an enum for the lazy singleton.");
        add("multithreading", "DontCallThreadRun", "thread_run_called", BUG, MEDIUM,
                "Call start(): run() runs in the current thread.");
        add("performance", "UseStringBufferForStringAppends", "string_concatenation_in_loop", PERFORMANCE, LOW,
                "Build the string with a StringBuilder.");
        add("performance", "StringInstantiation", "string_instantiation", PERFORMANCE, LOW,
                "Use the string itself instead of new String(…).");
        add("performance", "InefficientStringBuffering", "inefficient_string_buffering", PERFORMANCE, LOW,
                "Append the parts one by one instead of concatenating them inside append().");
        add("performance", "BigIntegerInstantiation", "biginteger_instantiation", PERFORMANCE, LOW,
                "Use BigInteger.ZERO, ONE, TWO or TEN.");
        add("security", "HardCodedCryptoKey", "hardcoded_secret", SECURITY, HIGH,
                "Load the key from a key store or the environment, and rotate the one that was committed.");
        add("security", "InsecureCryptoIv", "weak_crypto", SECURITY, MEDIUM,
                "Generate a fresh random IV with SecureRandom for every encryption.");
    }

    private static void errorProne(String name, String type, Category category, Severity severity,
                                   String suggestion) {
        add("errorprone", name, type, category, severity, suggestion);
    }

    private static void add(String file, String name, String type, Category category, Severity severity,
                            String suggestion) {
        RULES.put("category/java/" + file + ".xml/" + name, new Mapping(type, category, severity, suggestion));
    }

    /** Loaded once: reading PMD's rule XML costs more than analysing a snippet. */
    private static final RuleSet RULE_SET = load();

    /** A PMD pass: its findings, or empty with {@code parseError} when PMD could not parse the snippet. */
    record Result(List<Finding> findings, Optional<String> parseError) {
    }

    private PmdRules() {
    }

    private static RuleSet load() {
        String references = RULES.keySet().stream()
                .map(ref -> ref.equals("category/java/errorprone.xml/EmptyCatchBlock")
                        // A catch block that says why it is empty is a decision, not a swallowed error.
                        ? "<rule ref=\"" + ref + "\"><properties><property name=\"allowCommentedBlocks\" value=\"true\"/>"
                        + "</properties></rule>"
                        : "<rule ref=\"" + ref + "\"/>")
                .collect(Collectors.joining("\n"));
        String xml = """
                <?xml version="1.0"?>
                <ruleset name="code-analyzer" xmlns="http://pmd.sourceforge.net/ruleset/2.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://pmd.sourceforge.net/ruleset/2.0.0 https://pmd.sourceforge.io/ruleset_2_0_0.xsd">
                  <description>The Code Analyzer's PMD rules (docs/decisions/0020)</description>
                %s
                </ruleset>""".formatted(references);
        return new RuleSetLoader().warnDeprecated(false).loadFromString("code-analyzer.xml", xml);
    }

    static Result find(String code) {
        Result whole = analyse(code);
        if (whole.parseError().isEmpty()) {
            return whole;
        }
        // Members (fields, methods), then statements: wrapped on the first line, so lines keep their numbers.
        Result members = analyse("class Snippet__ { " + code + "\n}");
        if (members.parseError().isEmpty()) {
            return members;
        }
        Result statements = analyse("class Snippet__ { void snippet__() throws Exception { " + code + "\n}}");
        return statements.parseError().isEmpty() ? statements : whole;
    }

    private static Result analyse(String source) {
        PMDConfiguration config = new PMDConfiguration();
        config.setDefaultLanguageVersion(LanguageRegistry.PMD.getLanguageVersionById("java", "17"));
        config.setIgnoreIncrementalAnalysis(true);
        // In the calling thread: the run already has its own pool, and a snippet is one file.
        config.setThreads(0);
        config.setReporter(PmdReporter.quiet());
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            pmd.addRuleSet(RULE_SET);
            pmd.files().addSourceFile(FileId.fromPathLikeString("Snippet.java"), source);
            Report report = pmd.performAnalysisAndCollectReport();
            if (!report.getProcessingErrors().isEmpty()) {
                return new Result(List.of(), Optional.of(report.getProcessingErrors().get(0).getMsg()));
            }
            List<Finding> findings = new ArrayList<>();
            for (RuleViolation violation : report.getViolations()) {
                String name = violation.getRule().getName();
                Mapping mapping = RULES.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (mapping != null) {
                    findings.add(new Finding(mapping.issueType(), mapping.category(), mapping.severity(),
                            violation.getBeginLine(), "pmd." + name, violation.getDescription() + ".",
                            mapping.suggestion()));
                }
            }
            return new Result(findings, Optional.empty());
        }
    }
}
