package com.fitnesscrm.orchestrator.codeanalysis.engine;

import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.python;
import static com.fitnesscrm.orchestrator.codeanalysis.engine.Analyse.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.codeanalysis.CodeIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each Python rule on code that must fire and on look-alikes that must not. */
class PythonRulesTest {

    private static CodeIssue only(List<CodeIssue> issues, String type) {
        assertThat(types(issues)).containsExactly(type);
        return issues.get(0);
    }

    @Test
    void sql_built_with_concatenation_is_an_injection_on_its_line() {
        CodeIssue issue = only(python("""
                def find(cursor, name):
                    cursor.execute("SELECT * FROM clients WHERE name = '" + name + "'")
                """), "sql_injection");
        assertThat(issue.line()).isEqualTo(2);
        assertThat(issue.category()).isEqualTo("security");
        assertThat(issue.severity()).isEqualTo("high");
        assertThat(issue.snippet()).startsWith("cursor.execute(");
    }

    @Test
    void sql_with_parameters_is_not_an_injection() {
        assertThat(python("""
                def find(cursor, name):
                    cursor.execute("SELECT * FROM clients WHERE name = %s", (name,))
                    sql = "SELECT * FROM trainers WHERE id = %s"
                    cursor.execute(sql, (name,))
                """)).isEmpty();
    }

    @Test
    void sql_built_in_a_variable_from_request_input_is_critical() {
        CodeIssue issue = only(python("""
                @app.route("/clients")
                def clients():
                    term = request.args.get("q")
                    query = f"SELECT * FROM clients WHERE name LIKE '%{term}%'"
                    return db.session.execute(text(query)).all()
                """), "sql_injection");
        assertThat(issue.severity()).isEqualTo("critical");
        assertThat(issue.line()).isEqualTo(5);
    }

    @Test
    void sql_formatted_with_percent_or_format_is_an_injection() {
        assertThat(types(python("""
                def a(cur, x):
                    cur.execute("DELETE FROM sessions WHERE id = %s" % x)
                def b(cur, x):
                    cur.execute("DELETE FROM sessions WHERE id = {}".format(x))
                """))).containsExactly("sql_injection", "sql_injection");
    }

    @Test
    void sqlalchemy_text_of_a_built_string_is_an_injection_but_text_with_bind_parameters_is_not() {
        List<CodeIssue> issues = python("""
                def find(session, name):
                    bad = session.execute(text("SELECT * FROM clients WHERE name = '" + name + "'"))
                    good = session.execute(text("SELECT * FROM clients WHERE name = :name"), {"name": name})
                    return bad, good
                """);
        assertThat(only(issues, "sql_injection").line()).isEqualTo(2);
    }

    @Test
    void sql_text_inside_a_comment_or_a_log_string_does_not_fire() {
        assertThat(python("""
                def a(cur, x):
                    # cur.execute("SELECT * FROM t WHERE id = " + x)
                    log.info("cur.execute('SELECT * FROM t WHERE id = ' + x)")
                    doc = '''cursor.execute("DROP TABLE " + name)'''
                """)).isEmpty();
    }

    @Test
    void os_system_with_a_built_command_is_command_injection() {
        CodeIssue issue = only(python("""
                import os
                def backup(name):
                    os.system("tar czf /backups/" + name + ".tgz /data")
                """), "command_injection");
        assertThat(issue.line()).isEqualTo(3);
    }

    @Test
    void subprocess_with_shell_true_on_request_input_is_critical_but_a_list_is_fine() {
        List<CodeIssue> issues = python("""
                import subprocess
                @app.post("/ping")
                def ping():
                    host = request.json["host"]
                    subprocess.run("ping -c 1 " + host, shell=True)
                    subprocess.run(["ping", "-c", "1", host])
                    subprocess.run("uptime", shell=True)
                """);
        CodeIssue issue = only(issues, "command_injection");
        assertThat(issue.severity()).isEqualTo("critical");
        assertThat(issue.line()).isEqualTo(5);
    }

    @Test
    void eval_of_input_is_code_injection_but_literal_eval_is_not() {
        assertThat(types(python("""
                import ast
                def calc(expr):
                    a = eval(expr)
                    b = ast.literal_eval(expr)
                    c = eval("1 + 2")
                    model.eval()
                """))).containsExactly("code_injection");
    }

    @Test
    void pickle_loads_and_yaml_load_without_safe_loader_are_insecure_deserialization() {
        List<CodeIssue> issues = python("""
                import pickle, yaml
                def read(blob, text):
                    data = pickle.loads(blob)
                    conf = yaml.load(text)
                    safe = yaml.load(text, Loader=yaml.SafeLoader)
                    also = yaml.safe_load(text)
                    obj = json.loads(text)
                """);
        assertThat(types(issues)).containsExactly("insecure_deserialization", "insecure_deserialization");
        assertThat(issues).extracting(CodeIssue::line).containsExactly(3, 4);
    }

    @Test
    void md5_for_passwords_is_weak_crypto_but_sha256_and_checksums_are_not() {
        List<CodeIssue> issues = python("""
                import hashlib
                def h(password, blob):
                    digest = hashlib.md5(password.encode()).hexdigest()
                    good = hashlib.sha256(password.encode()).hexdigest()
                    etag = hashlib.md5(blob, usedforsecurity=False).hexdigest()
                """);
        assertThat(only(issues, "weak_crypto").line()).isEqualTo(3);
    }

    @Test
    void requests_with_verify_false_disables_tls_verification() {
        List<CodeIssue> issues = python("""
                import requests
                def call(url):
                    r = requests.get(url, verify=False, timeout=5)
                    s = requests.get(url, verify=True, timeout=5)
                    check = {"verify": False}
                """);
        assertThat(only(issues, "tls_verification_disabled").line()).isEqualTo(3);
    }

    @Test
    void flask_debug_true_is_debug_mode_but_an_env_flag_is_not() {
        assertThat(types(python("""
                if __name__ == "__main__":
                    app.run(host="127.0.0.1", debug=True)
                """))).containsExactly("debug_mode");
        assertThat(python("""
                if __name__ == "__main__":
                    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
                    debug = True
                """)).isEmpty();
    }

    @Test
    void render_template_string_of_built_text_is_template_injection() {
        List<CodeIssue> issues = python("""
                @app.route("/hello")
                def hello():
                    name = request.args.get("name", "")
                    return render_template_string("<h1>Hello " + name + "</h1>")
                def fine():
                    return render_template_string("<h1>Hello {{ name }}</h1>", name=current_user.name)
                """);
        CodeIssue issue = only(issues, "template_injection");
        assertThat(issue.severity()).isEqualTo("critical");
    }

    @Test
    void binding_to_all_interfaces_is_reported_but_comparing_with_it_is_not() {
        assertThat(types(python("""
                app.run(host="0.0.0.0", port=5000)
                if request.remote_addr == "0.0.0.0":
                    pass_it = True
                """))).containsExactly("bind_all_interfaces");
    }

    @Test
    void except_with_only_pass_is_swallowed_but_not_with_a_comment_or_a_log() {
        List<CodeIssue> issues = python("""
                def a():
                    try:
                        work()
                    except Exception:
                        pass
                def b():
                    try:
                        work()
                    except KeyError:
                        pass  # the key is optional
                def c():
                    try:
                        work()
                    except Exception:
                        log.exception("work failed")
                """);
        assertThat(only(issues, "swallowed_exception").line()).isEqualTo(4);
    }

    @Test
    void is_against_a_literal_is_a_string_identity_comparison_but_is_none_is_not() {
        List<CodeIssue> issues = python("""
                def a(status, x):
                    if status is "active":
                        return 1
                    if x is None or x is not True:
                        return 2
                """);
        assertThat(only(issues, "string_identity_comparison").line()).isEqualTo(2);
    }

    @Test
    void open_without_with_or_close_is_a_resource_leak() {
        List<CodeIssue> issues = python("""
                def a(path):
                    f = open(path)
                    return len(f.read())
                def b(path):
                    with open(path) as f:
                        return f.read()
                def c(path):
                    g = open(path)
                    data = g.read()
                    g.close()
                    return data
                """);
        assertThat(only(issues, "resource_leak").line()).isEqualTo(2);
    }

    @Test
    void markup_of_request_input_is_xss() {
        assertThat(types(python("""
                @app.route("/bio")
                def bio():
                    return Markup("<p>" + request.args["bio"] + "</p>")
                def constant():
                    return Markup("<br>")
                """))).containsExactly("xss");
    }

    @Test
    void random_for_a_token_is_insecure_randomness_but_random_for_a_colour_is_not() {
        List<CodeIssue> issues = python("""
                import random
                def reset_token():
                    return "".join(random.choice(ALPHABET) for _ in range(32))
                def pick_colour():
                    colour = random.choice(COLOURS)
                    return colour
                api_key = str(random.getrandbits(64))
                """);
        assertThat(types(issues)).containsExactly("insecure_randomness", "insecure_randomness");
        assertThat(issues).extracting(CodeIssue::line).containsExactly(3, 7);
    }

    @Test
    void opening_a_path_from_the_request_is_path_traversal_but_a_secured_name_is_not() {
        List<CodeIssue> issues = python("""
                @app.route("/download")
                def download():
                    name = request.args["file"]
                    path = os.path.join(UPLOADS, name)
                    return send_file(path)
                @app.route("/download2")
                def download2():
                    name = secure_filename(request.args["file"])
                    return send_file(os.path.join(UPLOADS, name))
                """);
        assertThat(only(issues, "path_traversal").line()).isEqualTo(5);
    }

    @Test
    void clean_flask_code_has_no_issue() {
        assertThat(python("""
                import os
                import hashlib
                import secrets
                from flask import Flask, request, jsonify

                app = Flask(__name__)
                app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
                DATABASE_URL = os.getenv("DATABASE_URL")


                @app.route("/clients/<int:client_id>")
                def client(client_id):
                    \"\"\"Returns one client; the SQL below is parameterised.\"\"\"
                    row = db.execute("SELECT id, name FROM clients WHERE id = %s", (client_id,)).fetchone()
                    if row is None:
                        return jsonify(error="not found"), 404
                    token = secrets.token_urlsafe(32)
                    etag = hashlib.sha256(str(row).encode()).hexdigest()
                    with open(os.path.join(STATIC, "logo.txt")) as f:
                        logo = f.read()
                    try:
                        notify(row)
                    except ConnectionError:
                        log.warning("notify failed for %s", client_id)
                    return jsonify(id=row[0], name=row[1], token=token, etag=etag, logo=logo)


                if __name__ == "__main__":
                    app.run(host=os.getenv("HOST", "127.0.0.1"), debug=False)
                """)).isEmpty();
    }
}
