package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.js;
import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.ts;
import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each JavaScript/TypeScript rule on code that must fire and on look-alikes that must not. */
class JavaScriptRulesTest {

    private static CodeIssue only(List<CodeIssue> issues, String type) {
        assertThat(types(issues)).containsExactly(type);
        return issues.get(0);
    }

    @Test
    void exec_of_a_command_built_from_the_query_is_critical_command_injection() {
        CodeIssue issue = only(js("""
                const { exec, execFile } = require("child_process");
                app.get("/ping", (req, res) => {
                  exec("ping -c 1 " + req.query.host, (err, out) => res.send(out));
                });
                """), "command_injection");
        assertThat(issue.severity()).isEqualTo("critical");
        assertThat(issue.line()).isEqualTo(3);
    }

    @Test
    void exec_file_with_an_argument_array_and_regex_exec_are_not_command_injection() {
        assertThat(js("""
                const { execFile } = require("child_process");
                app.get("/ping", (req, res) => {
                  execFile("/bin/ping", ["-c", "1", req.query.host], (err, out) => res.json({ out }));
                  const m = /^(\\d+)$/.exec(req.query.n);
                  const n = pattern.exec(input);
                });
                """)).isEmpty();
    }

    @Test
    void sql_in_a_template_literal_is_an_injection_but_placeholders_and_tagged_templates_are_not() {
        List<CodeIssue> issues = js("""
                async function find(db, req) {
                  const id = req.params.id;
                  const bad = await db.query(`SELECT * FROM clients WHERE id = ${id}`);
                  const good = await db.query("SELECT * FROM clients WHERE id = $1", [id]);
                  const tagged = await sql`SELECT * FROM clients WHERE id = ${id}`;
                  const alsoBad = await pool.query("DELETE FROM sessions WHERE id = " + id);
                  return [bad, good, tagged, alsoBad];
                }
                """);
        assertThat(types(issues)).containsExactly("sql_injection", "sql_injection");
        assertThat(issues).extracting(CodeIssue::line).containsExactly(3, 6);
        assertThat(issues.get(0).severity()).isEqualTo("critical");
    }

    @Test
    void eval_and_new_function_on_values_are_code_injection_but_json_parse_is_not() {
        assertThat(types(js("""
                function run(body) {
                  const a = eval(body.expr);
                  const f = new Function("x", body.code);
                  const ok = JSON.parse(body.json);
                  setTimeout(() => tick(), 100);
                }
                """))).containsExactly("code_injection", "code_injection");
    }

    @Test
    void node_serialize_unserialize_is_insecure_deserialization() {
        assertThat(types(js("""
                const serialize = require("node-serialize");
                const obj = serialize.unserialize(req.cookies.profile);
                const data = JSON.parse(req.cookies.profile);
                """))).containsExactly("insecure_deserialization");
    }

    @Test
    void md5_and_create_cipher_are_weak_crypto_but_sha256_is_not() {
        assertThat(types(js("""
                const crypto = require("crypto");
                const a = crypto.createHash("md5").update(pw).digest("hex");
                const b = crypto.createCipher("aes192", key);
                const c = crypto.createHash("sha256").update(pw).digest("hex");
                const d = crypto.createCipheriv("aes-256-gcm", key, iv);
                """))).containsExactly("weak_crypto", "weak_crypto");
    }

    @Test
    void reject_unauthorized_false_disables_tls_verification_but_true_does_not() {
        assertThat(types(js("""
                const agent = new https.Agent({ rejectUnauthorized: false });
                const fine = new https.Agent({ rejectUnauthorized: true });
                process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
                """))).containsExactly("tls_verification_disabled", "tls_verification_disabled");
    }

    @Test
    void compiling_a_template_from_the_request_is_template_injection() {
        assertThat(types(js("""
                app.post("/preview", (req, res) => {
                  const html = ejs.render(req.body.template, { user });
                  const fine = ejs.render(TEMPLATE, { name: req.body.name });
                  res.json({ html, fine });
                });
                """))).containsExactly("template_injection");
    }

    @Test
    void listening_on_all_interfaces_is_reported_but_localhost_is_not() {
        assertThat(types(js("""
                app.listen(3000, "0.0.0.0");
                other.listen(3001, "127.0.0.1");
                const label = "0.0.0.0";
                """))).containsExactly("bind_all_interfaces");
    }

    @Test
    void empty_catch_is_swallowed_but_a_commented_or_logging_catch_is_not() {
        List<CodeIssue> issues = js("""
                try { work(); } catch (e) {}
                try { work(); } catch (e) { /* optional: the cache may be cold */ }
                try { work(); } catch (e) { logger.error(e); }
                fetchIt().catch(() => {});
                fetchIt().catch((e) => logger.warn(e));
                """);
        assertThat(types(issues)).containsExactly("swallowed_exception", "swallowed_exception");
        assertThat(issues).extracting(CodeIssue::line).containsExactly(1, 4);
    }

    @Test
    void inner_html_from_values_is_xss_but_text_content_and_constants_are_not() {
        assertThat(types(js("""
                function show(el, name) {
                  el.innerHTML = "<b>" + name + "</b>";
                  el.textContent = name;
                  el.innerHTML = "<br>";
                  document.write(location.hash);
                }
                """))).containsExactly("xss", "xss");
    }

    @Test
    void math_random_for_a_token_is_insecure_randomness_but_for_jitter_is_not() {
        assertThat(types(js("""
                const sessionToken = Math.random().toString(36).slice(2);
                const jitterMs = Math.random() * 100;
                """))).containsExactly("insecure_randomness");
    }

    @Test
    void reading_a_file_named_by_the_request_is_path_traversal_but_a_basename_is_not() {
        List<CodeIssue> issues = js("""
                app.get("/files/:name", (req, res) => {
                  const file = path.join(__dirname, "uploads", req.params.name);
                  res.sendFile(file);
                  const safe = path.join(__dirname, "uploads", path.basename(req.params.name));
                  fs.readFile(safe, "utf8", done);
                });
                """);
        assertThat(only(issues, "path_traversal").line()).isEqualTo(3);
    }

    @Test
    void typescript_types_do_not_confuse_the_rules() {
        List<CodeIssue> issues = ts("""
                export async function find(db: Pool, req: Request): Promise<Client[]> {
                  const id: string = req.params.id as string;
                  const rows = await db.query<Client>(`SELECT * FROM clients WHERE id = ${id}`);
                  return rows;
                }
                """);
        assertThat(types(issues)).containsExactly("sql_injection");
    }

    @Test
    void patterns_in_strings_comments_and_regexes_never_fire() {
        assertThat(js("""
                // el.innerHTML = userInput; eval(userInput); exec("rm -rf " + dir)
                /* db.query("SELECT * FROM t WHERE id = " + id) */
                const help = "call eval(code) or exec('ls ' + dir) at your own risk";
                const re = /eval\\(|innerHTML\\s*=/g;
                const doc = `rejectUnauthorized: false`;
                """)).isEmpty();
    }

    @Test
    void clean_express_code_has_no_issue() {
        assertThat(js("""
                "use strict";
                const express = require("express");
                const crypto = require("crypto");
                const { execFile } = require("child_process");
                const app = express();
                const SECRET = process.env.JWT_SECRET;

                app.get("/clients/:id", async (req, res, next) => {
                  try {
                    const { rows } = await pool.query("SELECT id, name FROM clients WHERE id = $1", [req.params.id]);
                    if (rows.length === 0) {
                      return res.status(404).json({ error: "not found" });
                    }
                    const token = crypto.randomBytes(32).toString("hex");
                    const etag = crypto.createHash("sha256").update(JSON.stringify(rows[0])).digest("hex");
                    execFile("/usr/bin/convert", ["in.png", "out.png"], () => {});
                    res.set("ETag", etag).json({ ...rows[0], token });
                  } catch (err) {
                    next(err);
                  }
                });

                app.listen(process.env.PORT || 3000, "127.0.0.1");
                """)).isEmpty();
    }
}
