package com.fitnesscrm.orchestrator.base.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word, as problem+json instead of its HTML page: requests Tomcat refuses before any filter runs (an
 * encoded {@code /} or NUL in the path, a malformed request line, headers past
 * {@code server.max-http-request-header-size}) and any error nothing else wrote a body for. No server version, no
 * stack trace. Installed on the host by {@link WebHardeningConfiguration} in place of Tomcat's own valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        String reason = known == null ? null : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request was malformed or not allowed (for example an encoded '/', '\\\\' or NUL in "
                    + "the path, or headers larger than the server accepts).";
            case 404 -> "There is nothing at this address.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is larger than the server accepts.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request was refused.";
        };
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (reason == null ? "Error" : reason.replace("\"", ""))
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone; nothing more to say
        }
    }
}
