package com.incidentconsole.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a Mattermost server lives. Normalised once so that every path appended later starts with
 * exactly one slash, also for servers installed under a sub-path ({@code https://host/chat}).
 */
public record ServerAddress(URI baseUrl) {

    public ServerAddress {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.getRawUserInfo() != null) {
            // Not echoed: the part before '@' is usually a password, and this message reaches logs and screens.
            throw new IllegalArgumentException("the server address must not contain a user name or password "
                    + "(user:password@host); give the address alone and sign in with --login or a token");
        }
        if (baseUrl.getHost() == null || baseUrl.getHost().isBlank()) {
            throw new IllegalArgumentException("the server address needs a host name, like https://chat.example.com");
        }
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
        try {
            return new ServerAddress(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid server address (" + e.getReason() + ")");
        }
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
