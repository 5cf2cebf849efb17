package com.incidentconsole.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with a non-2xx status. Carries what the UI needs to explain it and what a
 * retry policy needs to decide, but never the request's credentials: {@code path} is the URL path
 * only (no query string), and nothing here ever sees a header value other than the request id.
 */
public final class ServerError extends ClientException {

    private final int status;
    private final String errorId;
    private final String serverMessage;
    private final String requestId;
    private final String method;
    private final String path;
    private final Duration retryAfter;
    private final boolean webPage;

    public ServerError(int status, String errorId, String serverMessage, String requestId, String method, String path,
                       Optional<Duration> retryAfter) {
        this(status, errorId, serverMessage, requestId, method, path, retryAfter, false);
    }

    /** @param webPage the body was an HTML page (a proxy's or another web server's), not Mattermost's JSON or text */
    public ServerError(int status, String errorId, String serverMessage, String requestId, String method, String path,
                       Optional<Duration> retryAfter, boolean webPage) {
        super(describe(status, webPage ? "(a web page, not Mattermost's answer)" : serverMessage, method, path), null);
        this.webPage = webPage;
        this.status = status;
        this.errorId = Objects.requireNonNullElse(errorId, "");
        this.serverMessage = Objects.requireNonNullElse(serverMessage, "");
        this.requestId = Objects.requireNonNullElse(requestId, "");
        this.method = Objects.requireNonNullElse(method, "");
        this.path = Objects.requireNonNullElse(path, "");
        this.retryAfter = retryAfter == null ? null : retryAfter.orElse(null);
    }

    private static String describe(int status, String serverMessage, String method, String path) {
        String text = serverMessage == null || serverMessage.isBlank() ? "" : " " + serverMessage.strip();
        return method + " " + path + " failed: " + status + text;
    }

    public int status() {
        return status;
    }

    /** The AppError {@code id} of Mattermost core; {@code ""} for the plugin, which has no ids. */
    public String errorId() {
        return errorId;
    }

    /** The human-readable message: AppError {@code message}, plugin {@code error}, or the plain-text body. */
    public String serverMessage() {
        return serverMessage;
    }

    /** What to quote to a server admin so they can find the request in the server log. */
    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** 5xx (server trouble) and 429 (rate limited) may succeed later; 4xx will not. */
    public boolean isRetryable() {
        return status >= 500 || status == 429;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The answer was a web page: the page itself is never kept, a user needs a line, not the HTML. */
    public boolean isWebPage() {
        return webPage;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }
}
