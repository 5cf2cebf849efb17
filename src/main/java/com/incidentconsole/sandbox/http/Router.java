package com.incidentconsole.sandbox.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-method dispatcher: a route table of {@code METHOD /path/{param}} templates. Parameters
 * named {@code n} and {@code i} must be digits, {@code username} may hold {@code _.-}, others
 * {@code [A-Za-z0-9]+}, like the mux regexps.
 */
public final class Router {

    /** Where a route lives decides its error body and how a missing session is reported. */
    public enum Area { PUBLIC, CORE, PLUGIN }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call);
    }

    public record Route(String method, String[] segments, Area area, Handler handler) {

        /**
         * {@code METHOD /path/{param}} as a client sends it (the plugin under
         * {@code /plugins/playbooks/api/v0}): the key of the route's row in {@code real-handlers.txt}.
         */
        public String key() {
            String path = "/" + String.join("/", segments);
            return method + " " + (path.startsWith(PLUGIN_PATH) ? PLUGIN_PUBLIC + path.substring(PLUGIN_PATH.length())
                    : path);
        }
    }

    public record Match(Route route, Map<String, String> params) {
    }

    /** Plugin routes are registered under this prefix (see {@link SandboxHandler}). */
    static final String PLUGIN_PATH = "/plugin";
    private static final String PLUGIN_PUBLIC = SandboxHandler.PLUGIN_PREFIX;

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Area area, Handler handler) {
        routes.add(new Route(method, template.substring(1).split("/"), area, handler));
        return this;
    }

    /** Every route, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Whether some route serves {@code path} with another method: gorilla mux then answers
     * {@code 405} ({@code ErrMethodMismatch}) unless a later route without a method matches the path.
     */
    public boolean knowsPath(String path) {
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/");
        return routes.stream().anyMatch(r -> r.segments.length == parts.length
                && matchSegments(r.segments, parts) != null);
    }

    public Optional<Match> match(String method, String path) {
        String[] parts = (path.startsWith("/") ? path.substring(1) : path).split("/");
        for (Route route : routes) {
            if (!route.method.equals(method) || route.segments.length != parts.length) {
                continue;
            }
            Map<String, String> params = matchSegments(route.segments, parts);
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(String[] template, String[] parts) {
        Map<String, String> params = new HashMap<>();
        for (int k = 0; k < template.length; k++) {
            String t = template[k];
            if (t.startsWith("{")) {
                String name = t.substring(1, t.length() - 1);
                // Usernames have their own mux pattern in Mattermost core (dots, dashes, underscores).
                String regex = name.equals("n") || name.equals("i") ? "[0-9]+"
                        : name.equals("username") ? "[A-Za-z0-9_.-]+" : "[A-Za-z0-9]+";
                if (!parts[k].matches(regex)) {
                    return null;
                }
                params.put(name, parts[k]);
            } else if (!t.equals(parts[k])) {
                return null;
            }
        }
        return params;
    }
}
