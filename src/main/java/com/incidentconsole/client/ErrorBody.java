package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a non-2xx answer into a {@link ServerError}. Mattermost speaks three error dialects:
 * core's AppError JSON, the plugin's {@code {"error": ...}}, and plain text from {@code http.Error}
 * (401 {@code Not authorized} from the plugin, 429 {@code limit exceeded} from the rate limiter).
 */
final class ErrorBody {

    /** Plain-text bodies can be whole HTML pages from a proxy; the UI needs a line, not a page. */
    private static final int MAX_TEXT = 300;

    private final JsonMapper mapper;

    ErrorBody(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ServerError toError(int status, String body, Function<String, String> header, String method, String path) {
        String errorId = "";
        String message = "";
        String requestId = "";
        if (isWebPage(body, header.apply("Content-Type"))) {
            String pageRequestId = header.apply("X-Request-Id");
            return new ServerError(status, "", "", pageRequestId == null ? "" : pageRequestId.strip(), method, path,
                    retryAfter(status, header), true);
        }
        JsonNode json = parse(body);
        if (json != null && json.isObject() && (json.hasNonNull("id") || json.hasNonNull("message"))) {
            errorId = json.path("id").asText("");
            message = json.path("message").asText("");
            requestId = json.path("request_id").asText("");
        } else if (json != null && json.isObject() && json.hasNonNull("error")) {
            message = json.path("error").asText("");
        } else {
            message = plainText(body);
        }
        String headerRequestId = header.apply("X-Request-Id");
        if (headerRequestId != null && !headerRequestId.isBlank()) {
            requestId = headerRequestId.strip();
        }
        return new ServerError(status, errorId, message, requestId, method, path, retryAfter(status, header));
    }

    /** Mattermost answers errors in JSON or one line of text; an HTML page comes from something else. */
    static boolean isWebPage(String body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = body.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 15)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype") || head.startsWith("<html");
    }

    private JsonNode parse(String body) {
        String trimmed = body.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            return mapper.readTree(trimmed);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String plainText(String body) {
        String text = body.strip();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    /**
     * {@code Retry-After} (seconds or an HTTP date) wins; Mattermost's rate limiter also sends
     * {@code X-RateLimit-Reset}, seconds until the bucket is full, which is a usable fallback on 429.
     */
    static Optional<Duration> retryAfter(int status, Function<String, String> header) {
        Optional<Duration> advised = seconds(header.apply("Retry-After")).or(() -> date(header.apply("Retry-After")));
        if (advised.isPresent() || status != 429) {
            return advised;
        }
        return seconds(header.apply("X-RateLimit-Reset"));
    }

    private static Optional<Duration> seconds(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(value.strip());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (RuntimeException notADate) {
            return Optional.empty();
        }
    }
}
