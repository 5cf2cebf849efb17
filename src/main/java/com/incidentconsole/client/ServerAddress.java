package com.incidentconsole.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where a Mattermost server lives. Normalised once so that every path appended later starts with
 * exactly one slash, also for servers installed under a sub-path ({@code https://host/chat}).
 */
public record ServerAddress(URI baseUrl) {

    public ServerAddress {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("server address must be http or https: " + baseUrl);
        }
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
    }

    public static ServerAddress of(String url) {
        return new ServerAddress(URI.create(url.strip()));
    }

    /** The event stream endpoint: same host and sub-path, {@code ws}/{@code wss} to match {@code http}/{@code https}. */
    public URI websocketUri() {
        String scheme = baseUrl.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(scheme + baseUrl.toString().substring(baseUrl.getScheme().length()) + "/api/v4/websocket");
    }

    /** Full URL of an API path such as {@code /api/v4/users/me}. */
    String resolve(String path) {
        return baseUrl + path;
    }
}
