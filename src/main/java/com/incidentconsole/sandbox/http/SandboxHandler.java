package com.incidentconsole.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.fault.Fault;
import com.incidentconsole.sandbox.fault.FaultPlan;
import com.incidentconsole.sandbox.fault.FaultRule;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;
import com.incidentconsole.wire.AppError;
import com.incidentconsole.wire.PluginError;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The REST entry point: stamps {@code X-Request-Id}/{@code X-Version-Id}, applies armed faults,
 * resolves the bearer token, dispatches through the {@link Router} and renders errors in the shape
 * of the area (core AppError vs plugin {@code {"error"}} vs Go's plain-text {@code http.Error}).
 */
public final class SandboxHandler extends Handler.Abstract {

    public static final String PLUGIN_PREFIX = "/plugins/playbooks/api/v0";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SandboxHandler.class.getName());
    private static final String INTERNAL = "An internal error has occurred. Check app server logs for details.";

    private final Router router;
    private final ObjectMapper mapper;
    private final FaultPlan faults;
    private final Function<String, String> tokenToUser;
    private final IdSource requestIds;
    private final String version;
    private final ExchangeObserver observer;
    private final RateLimiter limiter;

    /** @param observer sees each exchange before it is sent; null skips all the copying it needs */
    public SandboxHandler(Router router, ObjectMapper mapper, FaultPlan faults, Function<String, String> tokenToUser,
                          IdSource requestIds, String version, ExchangeObserver observer, RateLimiter limiter) {
        this.observer = observer;
        this.limiter = limiter;
        this.router = router;
        this.mapper = mapper;
        this.faults = faults;
        this.tokenToUser = tokenToUser;
        this.requestIds = requestIds;
        this.version = version;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String requestId;
        synchronized (requestIds) {
            requestId = requestIds.next();
        }
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        boolean plugin = path.startsWith(PLUGIN_PREFIX);
        Reply reply;
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        body = body == null ? "" : body;
        FaultPlan.RequestFault fault = faults.onRequest(method, path);
        if (!fault.delay().isZero()) {
            Thread.sleep(fault.delay().toMillis());
        }
        // Core's limiter sits in front of every handler, so it refuses before anything else happens.
        RateLimiter.Decision limit = limiter.check(Request.getRemoteAddr(request), token(request));
        if (limit != null && limit.limited()) {
            reply = Reply.text(429, "limit exceeded\n");
        } else if (fault.reply().isPresent()) {
            reply = faultReply(fault.reply().get(), plugin, requestId);
        } else {
            reply = dispatch(request, method, path, body, plugin, requestId);
        }
        if (limit != null) {
            for (Map.Entry<String, String> h : limit.headers().entrySet()) {
                reply = reply.withHeader(h.getKey(), h.getValue());
            }
        }
        write(request, response, callback, reply, requestId, body);
        return true;
    }

    private Reply dispatch(Request request, String method, String path, String body, boolean plugin,
                           String requestId) {
        String routed = plugin ? path.substring(PLUGIN_PREFIX.length()) : path;
        String internal = plugin ? Router.PLUGIN_PATH + routed : routed;
        Optional<Router.Match> match = router.match(method, internal);
        if (match.isEmpty()) {
            if (plugin && router.knowsPath(internal)) {
                // gorilla mux: a path served with other methods is ErrMethodMismatch, answered by its
                // methodNotAllowedHandler (only WriteHeader(405): empty body, no Content-Type), before any
                // middleware, so before the plugin's auth check (server/api/api.go NewHandler has no
                // MethodNotAllowedHandler, and its "{anything:.*}" catch-all never matches: mux refuses
                // a template without a leading slash). Core differs: see docs/sandbox.md "Wrong method".
                return Reply.empty(405);
            }
            // Core: api4/api.go Init registers "/api/v4/{anything:.*}" -> Handle404 after every route; mux lets
            // that later match override a method mismatch, so a wrong method on a core path is this same 404.
            return plugin ? Reply.text(404, "404 page not found\n")
                    : appError(404, "api.context.404.app_error", "Sorry, we could not find the page.", requestId);
        }
        Router.Route route = match.get().route();
        String token = token(request);
        String userId = token == null ? null : tokenToUser.apply(token);
        if (userId == null && route.area() != Router.Area.PUBLIC) {
            return route.area() == Router.Area.PLUGIN ? Reply.text(401, "Not authorized\n")
                    : appError(401, "api.context.session_expired.app_error",
                    "Invalid or expired session, please login again.", requestId);
        }
        try {
            Call call = new Call(method, path, match.get().params(), query(request), body,
                    userId == null ? "" : userId, token == null ? "" : token,
                    String.valueOf(request.getHeaders().get(HttpHeader.IF_NONE_MATCH)), mapper);
            return route.handler().handle(call);
        } catch (Rejection r) {
            return route.area() == Router.Area.PLUGIN ? Reply.json(r.status(), new PluginError(r.getMessage()))
                    : appError(r.status(), r.errorId(), r.getMessage(), requestId);
        } catch (Exception e) {
            // The real server logs and answers a generic 500; a sandbox bug must be visible in test output.
            LOG.log(java.util.logging.Level.WARNING, method + " " + path + " failed", e);
            return route.area() == Router.Area.PLUGIN ? Reply.json(500, new PluginError(INTERNAL))
                    : appError(500, "app.internal_error", "Internal Server Error", requestId);
        }
    }

    private Reply faultReply(FaultRule rule, boolean plugin, String requestId) {
        if (rule.fault() == Fault.RATE_LIMIT) {
            long retry = Math.max(1, rule.delay().toSeconds());
            return Reply.text(429, "limit exceeded\n")
                    .withHeader("X-Ratelimit-Limit", "101")
                    .withHeader("X-Ratelimit-Remaining", "0")
                    .withHeader("X-Ratelimit-Reset", Long.toString(retry))
                    .withHeader("Retry-After", Long.toString(retry));
        }
        if (!rule.body().isEmpty()) {
            return new Reply(rule.status(), rule.body(), rule.body().startsWith("{"), Map.of());
        }
        return plugin ? Reply.json(rule.status(), new PluginError(INTERNAL))
                : appError(rule.status(), "app.sandbox.fault", "Internal Server Error", requestId);
    }

    private Reply appError(int status, String id, String message, String requestId) {
        return Reply.json(status, new AppError(id, message, "", requestId, status));
    }

    private void write(Request request, Response response, Callback callback, Reply reply, String requestId,
                       String requestBody) throws Exception {
        var headers = response.getHeaders();
        headers.put("X-Request-Id", requestId);
        headers.put("X-Version-Id", version);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        if ("GET".equals(request.getMethod())) {
            headers.put("Expires", "0");
        }
        reply.headers().forEach(headers::put);
        boolean plugin = Request.getPathInContext(request).startsWith(PLUGIN_PREFIX);
        boolean empty = "".equals(reply.payload());
        // The plugin's handlers that only WriteHeader send no Content-Type (Go sets none without a body);
        // core's Handler.ServeHTTP sets application/json before any handler runs, so core keeps it.
        if (!(plugin && empty && reply.json())) {
            headers.put(HttpHeader.CONTENT_TYPE, reply.json() ? "application/json" : "text/plain; charset=utf-8");
        }
        byte[] bytes = reply.payload() instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : mapper.writeValueAsBytes(reply.payload());
        if (plugin && reply.json() && !empty && !(reply.payload() instanceof String)
                && !(reply.payload() instanceof PluginError)) {
            // ReturnJSON uses json.NewEncoder(w).Encode: every plugin JSON body ends with "\n" (api.go
            // ReturnJSON); error bodies are json.Marshal'ed by handleResponseWithCode and have none.
            bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            bytes[bytes.length - 1] = '\n';
        }
        response.setStatus(reply.status());
        if (observer != null) {
            observer.observe(new ExchangeObserver.Exchange(request.getMethod(), Request.getPathInContext(request),
                    request.getHttpURI().getQuery() == null ? "" : request.getHttpURI().getQuery(),
                    headerMap(request.getHeaders()), requestBody, reply.status(), headerMap(headers),
                    new String(bytes, StandardCharsets.UTF_8)));
        }
        response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
    }

    private static Map<String, List<String>> headerMap(org.eclipse.jetty.http.HttpFields fields) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (var field : fields) {
            map.computeIfAbsent(field.getName(), k -> new java.util.ArrayList<>()).add(field.getValue());
        }
        return map;
    }

    private static String token(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null) {
            if (header.length() > 7 && header.substring(0, 6).equalsIgnoreCase("bearer")) {
                return header.substring(7).trim();
            }
            if (header.length() > 6 && header.substring(0, 5).equalsIgnoreCase("token")) {
                return header.substring(6).trim();
            }
        }
        for (var cookie : Request.getCookies(request)) {
            if ("MMAUTHTOKEN".equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static Map<String, List<String>> query(Request request) {
        Fields fields = Request.extractQueryParameters(request);
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            map.put(field.getName(), field.getValues());
        }
        return map;
    }
}
