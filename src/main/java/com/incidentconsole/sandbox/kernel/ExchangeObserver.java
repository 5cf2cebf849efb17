package com.incidentconsole.sandbox.kernel;

import java.util.List;
import java.util.Map;

/**
 * Sees every HTTP exchange the sandbox answers, after the reply is decided and before it is sent,
 * so that a client which has its response also knows the observer has seen it. Tests use it to
 * check each exchange against the plugin's OpenAPI file; absent by default, when nothing is copied.
 * Called on server threads: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ExchangeObserver {

    void observe(Exchange exchange);

    /**
     * One request and its reply as they crossed the wire.
     *
     * @param path  the request path without the query string
     * @param query the raw query string ("" when none), still percent-encoded
     */
    record Exchange(String method, String path, String query, Map<String, List<String>> requestHeaders,
                    String requestBody, int status, Map<String, List<String>> responseHeaders, String responseBody) {

        public Exchange {
            requestHeaders = Map.copyOf(requestHeaders);
            responseHeaders = Map.copyOf(responseHeaders);
        }

        /** First value of a response header, matched case-insensitively as HTTP does ("" when absent). */
        public String responseHeader(String name) {
            return first(responseHeaders, name);
        }

        public String requestHeader(String name) {
            return first(requestHeaders, name);
        }

        private static String first(Map<String, List<String>> headers, String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? "" : e.getValue().get(0)).findFirst().orElse("");
        }
    }
}
