package com.fitnesscrm.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeFindings;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource;
import com.fitnesscrm.orchestrator.codeanalysis.CodeSource.AnalysisType;
import com.fitnesscrm.orchestrator.codeanalysis.Language;
import com.fitnesscrm.orchestrator.codeanalysis.engine.CodeAnalysisEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's budget: a 500-line file analysed by the rules in under 200 ms at the 99th percentile. The files are
 * realistic (functions, SQL, requests, comments, strings) with a few findings in them, so every rule does its work.
 * The budget is checked on the analysing thread's CPU time: this machine is shared by several builds (load 10 on two
 * cores is common), where wall time measures the neighbours; both figures are printed. Run with
 * {@code ./mvnw -o -Pbenchmark verify -Dit.test=CodeAnalysisBenchmark}.
 */
class CodeAnalysisBenchmark {

    private static final int RUNS = Integer.getInteger("benchmark.code.iterations", 200);
    private static final CodeAnalysisEngine ENGINE = new CodeAnalysisEngine();

    private static CodeFindings analyse(String path, String code) {
        return ENGINE.analyse(new CodeSource(code, path, Language.fromPath(path), AnalysisType.COMPREHENSIVE));
    }

    static String pythonFile() {
        StringBuilder s = new StringBuilder("import os\nimport subprocess\nfrom flask import request\n\n");
        for (int i = 0; s.toString().split("\n", -1).length < 500; i++) {
            s.append("""
                    @app.route("/items/%1$d")
                    def handler_%1$d(item_id):
                        # look the item up; the query is parameterised
                        row = db.execute("SELECT id, name FROM items WHERE id = %%s", (item_id,)).fetchone()
                        name = request.args.get("name", "")
                        label = f"item {row[1]} for {name}"
                        if i %% 7 == 0:
                            cursor.execute("SELECT * FROM logs WHERE name = '" + name + "'")
                        return {"label": label, "n": %1$d}

                    """.formatted(i));
        }
        return s.toString();
    }

    static String javaScriptFile() {
        StringBuilder s = new StringBuilder("const { execFile } = require('child_process');\n\n");
        for (int i = 0; s.toString().split("\n", -1).length < 500; i++) {
            s.append("""
                    app.get("/items/%1$d", async (req, res) => {
                      // parameterised query, then a label
                      const { rows } = await pool.query("SELECT id, name FROM items WHERE id = $1", [req.params.id]);
                      const label = `item ${rows[0].name} #%1$d`;
                      try { res.json({ label }); } catch (e) { next(e); }
                      el.innerHTML = "<b>" + label + "</b>";
                    });

                    """.formatted(i));
        }
        return s.toString();
    }

    static String javaFile() {
        StringBuilder s = new StringBuilder("import java.sql.*;\n\npublic class Items {\n");
        for (int i = 0; s.toString().split("\n", -1).length < 497; i++) {
            s.append("""
                        /** Item %1$d by id; the query is parameterised. */
                        String name%1$d(Connection c, long id) throws SQLException {
                            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM items WHERE id = ?")) {
                                ps.setLong(1, id);
                                try (ResultSet rs = ps.executeQuery()) {
                                    return rs.next() ? rs.getString(1) : "item-%1$d";
                                }
                            }
                        }
                        boolean active%1$d(String s) { return s == "active"; }

                    """.formatted(i));
        }
        return s.append("}\n").toString();
    }

    /** The p99 CPU time in microseconds, after printing it with the wall-time p99. */
    private static long p99Micros(String label, String path, String code) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 30; i++) {
            analyse(path, code);
        }
        long[] cpu = new long[RUNS];
        long[] wall = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            CodeFindings findings = analyse(path, code);
            wall[i] = (System.nanoTime() - start) / 1_000;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000;
            assertThat(findings.issues()).isNotEmpty();
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        int p99 = (int) Math.ceil(RUNS * 0.99) - 1;
        System.out.printf(java.util.Locale.ROOT, "Code Analyzer benchmark, 500-line %s file: p99 %.1f ms CPU, %.1f ms wall (median %.1f ms CPU)%n",
                label, cpu[p99] / 1000.0, wall[p99] / 1000.0, cpu[RUNS / 2] / 1000.0);
        return cpu[p99];
    }

    @Test
    void a_500_line_python_file_is_analysed_in_under_200_ms_at_p99() {
        assertThat(p99Micros("Python", "bench.py", pythonFile())).isLessThan(200_000);
    }

    @Test
    void a_500_line_javascript_file_is_analysed_in_under_200_ms_at_p99() {
        assertThat(p99Micros("JavaScript", "bench.js", javaScriptFile())).isLessThan(200_000);
    }

    @Test
    void a_500_line_java_file_with_pmd_is_analysed_in_under_200_ms_at_p99() {
        assertThat(p99Micros("Java (own rules and PMD)", "Items.java", javaFile())).isLessThan(200_000);
    }
}
