package com.fitnesscrm.orchestrator.base.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL connection given as one URL in the form Railway and Heroku use,
 * {@code postgresql://user:password@host:port/database?sslmode=require} (or {@code postgres://}),
 * turned into what JDBC needs. A {@code jdbc:postgresql://…} URL is accepted as it is.
 * <p>
 * Error messages never repeat the URL: it carries the password.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    static final String VARIABLE = "DATABASE_URL";
    private static final String EXPECTED = "expected postgresql://user:password@host:port/database";

    /**
     * @throws DatabaseConfigurationException naming {@value #VARIABLE} and what is wrong with it
     */
    public static DatabaseUrl parse(String value) {
        return parse(value, VARIABLE);
    }

    /**
     * The same for another variable holding such a URL (e.g. {@code CRM_DATABASE_URL}), named in the error.
     *
     * @throws DatabaseConfigurationException naming {@code variable} and what is wrong with it
     */
    public static DatabaseUrl parse(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw invalid(variable, "it is empty");
        }
        String url = value.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(variable, "it is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw invalid(variable, "its scheme is " + (scheme == null ? "missing" : "'" + scheme + "'")
                    + ", not postgresql:// or postgres://");
        }
        if (uri.getRawAuthority() != null && uri.getHost() == null) {
            throw invalid(variable, "its host or port is malformed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw invalid(variable, "it has no host");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath();
        String database = path == null ? "" : path.replaceFirst("^/", "");
        if (database.isBlank() || database.contains("/")) {
            throw invalid(variable, "it names no database (the path after host:port)");
        }

        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }

        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(hostPart).append(':').append(port).append('/').append(decode(database));
        if (uri.getRawQuery() != null && !uri.getRawQuery().isBlank()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static DatabaseConfigurationException invalid(String variable, String reason) {
        return new DatabaseConfigurationException(variable + " is malformed: " + reason + " (" + EXPECTED + ").");
    }

    /** The password stays out of logs and of exception messages. */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
