package com.fitnesscrm.orchestrator.codeanalysis.engine;

import com.fitnesscrm.orchestrator.codeanalysis.CodeFindings;
import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource.AnalysisType;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import java.util.List;

/** Runs the engine on a snippet the way the agent does, for the rule tests. */
final class Analyse {

    private static final CodeAnalysisEngine ENGINE = new CodeAnalysisEngine();

    private Analyse() {
    }

    static CodeFindings file(String path, String code) {
        return ENGINE.analyse(new CodeSource(code, path, Language.fromPath(path), AnalysisType.COMPREHENSIVE));
    }

    static List<CodeIssue> python(String code) {
        return file("app/views.py", code).issues();
    }

    static List<CodeIssue> js(String code) {
        return file("src/server.js", code).issues();
    }

    static List<CodeIssue> ts(String code) {
        return file("src/server.ts", code).issues();
    }

    static List<CodeIssue> java(String code) {
        return file("src/main/java/App.java", code).issues();
    }

    static List<String> types(List<CodeIssue> issues) {
        return issues.stream().map(CodeIssue::issueType).toList();
    }
}
