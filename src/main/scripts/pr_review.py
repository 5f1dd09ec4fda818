#!/usr/bin/env python3
"""Pull-request review with the FitnessCRM AI Orchestrator's Code Analyzer.

Posts each changed source file to the orchestrator as an async ``code_analysis`` run, waits for the runs, prints the
findings and exits non-zero when one is at or above ``--fail-on``. Python 3.8+, standard library only, so a CI job
needs nothing installed.

    python3 pr_review.py --base origin/main                 # the files changed since origin/main
    python3 pr_review.py app/routes/clients.py static/app.js # these files

The orchestrator's address and key come from ``--url``/``--api-key`` or ``ORCHESTRATOR_URL``/``ORCHESTRATOR_API_KEY``
(a key with the ``execute`` and ``read`` scopes). Exit codes: 0 no finding at or above ``--fail-on``; 1 at least one;
2 the review could not be done (no connection, a refused key, a run that failed or did not finish in time).
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SEVERITIES = ["low", "medium", "high", "critical"]
EXTENSIONS = (".py", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".java")
FINISHED = {"succeeded", "failed", "timed_out", "cancelled", "rejected"}
MAX_BYTES = 1_000_000  # the orchestrator refuses a body over 1 MB (413)


class ReviewError(Exception):
    """The review could not be done; the message says why, for the CI log."""


def main(argv=None):
    args = parse_args(argv)
    try:
        files = args.files or changed_files(args.base)
        files = [path for path in files if path.endswith(EXTENSIONS) and os.path.isfile(path)]
        if not files:
            print("pr-review: no changed source file to review.")
            return 0
        client = Client(args.url, args.api_key, args.request_timeout)
        runs = submit_all(client, files, args)
        results = wait_for(client, runs, args.timeout)
    except ReviewError as error:
        print(f"pr-review: {error}", file=sys.stderr)
        return 2
    return report(results, args)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Review changed files with the orchestrator's Code Analyzer.")
    parser.add_argument("files", nargs="*", help="files to review (default: the files changed since --base)")
    parser.add_argument("--base", default=os.environ.get("PR_REVIEW_BASE", "origin/main"),
                        help="the git ref the pull request is compared with (default origin/main)")
    parser.add_argument("--url", default=os.environ.get("ORCHESTRATOR_URL"),
                        help="the orchestrator's base URL (or ORCHESTRATOR_URL)")
    parser.add_argument("--api-key", default=os.environ.get("ORCHESTRATOR_API_KEY"),
                        help="an API key with the execute and read scopes (or ORCHESTRATOR_API_KEY)")
    parser.add_argument("--fail-on", default="high", choices=SEVERITIES + ["never"],
                        help="exit 1 when a finding is at or above this severity (default high)")
    parser.add_argument("--analysis-type", default="comprehensive", choices=["comprehensive", "security", "quick"])
    parser.add_argument("--agent", default="Code Analyzer", help="the agent's name or id (default Code Analyzer)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for all runs (default 300)")
    parser.add_argument("--request-timeout", type=float, default=30, help="seconds per HTTP request (default 30)")
    parser.add_argument("--format", default="text", choices=["text", "github", "json"],
                        help="text, GitHub Actions annotations, or one JSON document")
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("--url or ORCHESTRATOR_URL is required")
    if not args.api_key:
        parser.error("--api-key or ORCHESTRATOR_API_KEY is required")
    return args


def changed_files(base):
    """Files added, copied, modified or renamed on this branch since it left ``base``."""
    try:
        out = subprocess.run(["git", "diff", "--name-only", "--diff-filter=ACMR", f"{base}...HEAD"],
                             check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        raise ReviewError(f"could not list the files changed since {base}: {detail.strip()}") from error
    return [line for line in out.splitlines() if line.strip()]


class Client:
    def __init__(self, url, api_key, timeout):
        self.base = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout

    def request(self, method, path, body=None):
        """The answer's status, headers and JSON; a 429 or 503 is waited out as Retry-After says (three times)."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        for attempt in range(4):
            req = urllib.request.Request(self.base + path, data=data, method=method, headers={
                "Authorization": f"Bearer {self.api_key}", "Accept": "application/json",
                "Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as answer:
                    return answer.status, answer.headers, parse(answer.read())
            except urllib.error.HTTPError as error:
                payload = parse(error.read())
                if error.code in (429, 503) and attempt < 3:
                    time.sleep(retry_after(error.headers, attempt))
                    continue
                return error.code, error.headers, payload
            except (urllib.error.URLError, OSError) as error:
                raise ReviewError(f"{method} {self.base}{path} failed: {getattr(error, 'reason', error)}") from error
        raise ReviewError(f"{method} {path}: still refused after retries")


def parse(raw):
    try:
        return json.loads(raw.decode("utf-8")) if raw else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"detail": raw[:200].decode("utf-8", "replace")}


def retry_after(headers, attempt):
    try:
        return min(60.0, max(0.5, float(headers.get("Retry-After", ""))))
    except ValueError:
        return 2.0 ** attempt


def submit_all(client, files, args):
    """One async run per file: {path: run id}. A file too big for one request is reported and skipped."""
    runs = {}
    for path in files:
        with open(path, "rb") as handle:
            code = handle.read(MAX_BYTES + 1).decode("utf-8", "replace")
        body = {"agent": args.agent, "mode": "async",
                "input": {"code": code, "file_path": path, "analysis_type": args.analysis_type}}
        if len(json.dumps(body, ensure_ascii=False).encode("utf-8")) > MAX_BYTES:
            print(f"pr-review: {path} is skipped: with its request it is over 1 MB, more than the orchestrator "
                  "analyses at once.", file=sys.stderr)
            continue
        status, _, answer = client.request("POST", "/api/execute", body)
        if status not in (200, 202):
            raise ReviewError(f"{path}: the orchestrator answered {status}: {problem(answer)}")
        runs[path] = answer["id"]
    return runs


def wait_for(client, runs, timeout):
    """Polls each run until it is finished: {path: its output}."""
    deadline = time.monotonic() + timeout
    pending = dict(runs)
    outputs = {}
    delay = 0.5
    while pending:
        for path, run_id in list(pending.items()):
            status, _, run = client.request("GET", f"/api/executions/{run_id}")
            if status != 200:
                raise ReviewError(f"{path}: reading run {run_id} answered {status}: {problem(run)}")
            if run.get("status") in FINISHED:
                if run["status"] != "succeeded":
                    reason = run.get("error") or run["status"]
                    raise ReviewError(f"{path}: run {run_id} ended {run['status']}: {reason}")
                outputs[path] = run.get("output") or {}
                del pending[path]
        if pending:
            if time.monotonic() + delay > deadline:
                waiting = ", ".join(f"{path} (run {run_id})" for path, run_id in pending.items())
                raise ReviewError(f"runs still not finished after {timeout:.0f} s: {waiting}")
            time.sleep(delay)
            delay = min(delay * 1.5, 5.0)
    return outputs


def problem(answer):
    if isinstance(answer, dict):
        field = f" (field {answer['field']})" if answer.get("field") else ""
        return (answer.get("detail") or answer.get("title") or json.dumps(answer)[:200]) + field
    return str(answer)[:200]


def report(outputs, args):
    findings = []
    for path, output in outputs.items():
        for issue in output.get("issues") or []:
            findings.append(dict(issue, file=path))
        for note in output.get("notes") or []:
            print(f"pr-review: {path}: {note}", file=sys.stderr)
    findings.sort(key=lambda issue: (issue["file"], issue.get("line") or 0, -rank(issue.get("severity"))))
    threshold = len(SEVERITIES) if args.fail_on == "never" else SEVERITIES.index(args.fail_on)
    blocking = [issue for issue in findings if rank(issue.get("severity")) >= threshold]

    if args.format == "json":
        print(json.dumps({"findings": findings, "blocking": len(blocking), "fail_on": args.fail_on}, indent=2))
    else:
        for issue in findings:
            print(line_of(issue, args.format, rank(issue.get("severity")) >= threshold))
        print(f"pr-review: {len(findings)} finding(s) in {len(outputs)} file(s); "
              f"{len(blocking)} at or above {args.fail_on}.")
    return 1 if blocking else 0


def rank(severity):
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


def annotation(text, is_property):
    """Escapes text for a GitHub Actions workflow command (a property also escapes ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def line_of(issue, fmt, blocking):
    where = f"{issue['file']}:{issue.get('line') or 1}"
    what = f"[{issue.get('severity')}] {issue.get('issue_type')} ({issue.get('rule_id')}): {issue.get('description')}"
    if fmt == "github":
        level = "error" if blocking else "warning"
        line = issue.get("line") or 1
        title = annotation(str(issue.get("issue_type")), True)
        message = annotation(f"{what} Suggestion: {issue.get('suggestion')}", False)
        return f"::{level} file={annotation(issue['file'], True)},line={line},title={title}::{message}"
    return f"{where}: {what}\n    suggestion: {issue.get('suggestion')}"


if __name__ == "__main__":
    sys.exit(main())
