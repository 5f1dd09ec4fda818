package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import org.junit.jupiter.api.Test;

/** The same issue keeps its fingerprint when code moves; a different issue or file never shares it. */
class FingerprintTest {

    private static final String BAD = "    cursor.execute(\"SELECT * FROM t WHERE id = \" + x)\n";

    private static CodeIssue first(String path, String code) {
        return Analyse.file(path, code).issues().get(0);
    }

    @Test
    void moving_the_code_down_keeps_the_fingerprint() {
        CodeIssue before = first("a.py", "def f(cursor, x):\n" + BAD);
        CodeIssue after = first("a.py", "import os\n\n\ndef f(cursor, x):\n" + BAD);
        assertThat(after.line()).isEqualTo(before.line() + 3);
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void another_file_or_another_line_text_gets_another_fingerprint() {
        CodeIssue a = first("a.py", "def f(cursor, x):\n" + BAD);
        CodeIssue b = first("b.py", "def f(cursor, x):\n" + BAD);
        CodeIssue c = first("a.py", "def f(cursor, y):\n" + BAD.replace("+ x)", "+ y)"));
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
        assertThat(a.fingerprint()).hasSize(32);
    }

    @Test
    void the_same_line_twice_in_a_file_is_two_issues() {
        var issues = Analyse.file("a.py", "def f(cursor, x):\n" + BAD + BAD).issues();
        assertThat(issues).hasSize(2);
        assertThat(issues.get(0).fingerprint()).isNotEqualTo(issues.get(1).fingerprint());
    }
}
