package com.incidentconsole.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one place that performs HTTP exchanges: builds the URL, serialises the body, maps a non-2xx
 * answer to {@link ServerError} and an I/O failure or unexpected 2xx body to {@link TransportError}.
 * The per-area API classes only say which path, verb and types.
 */
final class Rest {

    static final String V4 = "/api/v4";
    static final String PLUGIN = "/plugins/playbooks/api/v0";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    /** A request body that is already JSON text (playbook import), sent byte for byte. */
    record RawJson(String text) {
        @Override
        public String toString() {
            return "RawJson[" + text.length() + " chars]";
        }
    }

    /**
     * The body of a request that must reach the server at most once (it posts, creates): OkHttp then never
     * resends it on its own after a connection failure once sending began, so a lost answer surfaces as a
     * {@link TransportError} for the caller to treat as "may or may not have happened".
     */
    record Once(Object body) {
    }

    /** A 2xx answer: its status, body text and a header lookup. */
    record Answer(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final OkHttpClient http;
    private final ServerAddress address;
    private final JsonMapper mapper;
    private final ErrorBody errors;

    Rest(OkHttpClient http, ServerAddress address, JsonMapper mapper) {
        this.http = http;
        this.address = address;
        this.mapper = mapper;
        this.errors = new ErrorBody(mapper);
    }

    JsonMapper mapper() {
        return mapper;
    }

    JavaType type(Class<?> type) {
        return mapper.constructType(type);
    }

    JavaType listOf(Class<?> element) {
        return mapper.getTypeFactory().constructCollectionType(List.class, element);
    }

    /** Percent-encodes one path segment; ids are alphanumeric, but a stray "/" must not change the route. */
    static String seg(Object value) {
        StringBuilder out = new StringBuilder();
        for (byte b : String.valueOf(value).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    <T> T get(String path, List<Map.Entry<String, String>> query, JavaType type) {
        return call("GET", path, query, null, type);
    }

    <T> T get(String path, JavaType type) {
        return call("GET", path, List.of(), null, type);
    }

    /** A call whose 2xx body must decode as {@code type}. */
    <T> T call(String method, String path, List<Map.Entry<String, String>> query, Object body, JavaType type) {
        // Bytes straight into Jackson's UTF-8 parser: a page of runs is ~1.8 MB, and making it a String
        // first cost a decoding pass and the slower char parser (ingest, issue 18; docs/reliability.md).
        byte[] answer = fetch(method, path, query, body).body();
        if (isBlank(answer)) {
            throw new TransportError(method + " " + path + " returned an empty body, expected JSON", null);
        }
        try {
            return checked(mapper.readValue(answer, type), type, method, path);
        } catch (IOException e) {
            throw notExpected(method, path, e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * A call whose success body carries nothing we need. The server answers these with an empty
     * body, {@code {}}, {@code null}, {@code {"status":"OK"}} or {@code {"success":true}}; anything
     * that is not JSON (say, a captive portal's HTML page) means we did not reach Mattermost.
     */
    void send(String method, String path, Object body) {
        Answer answer = exchange(method, path, List.of(), body);
        String text = answer.body().strip();
        if (!text.isEmpty()) {
            decode(text, mapper.constructType(JsonNode.class), method, path);
        }
    }

    <T> T decode(String body, JavaType type, String method, String path) {
        if (body.isBlank()) {
            throw new TransportError(method + " " + path + " returned an empty body, expected JSON", null);
        }
        try {
            return checked(mapper.readValue(body, type), type, method, path);
        } catch (IOException e) {
            throw notExpected(method, path, e);
        }
    }

    private static <T> T checked(T value, JavaType type, String method, String path) {
        if (value == null && type.isCollectionLikeType()) {
            // Go encodes an empty (nil) slice as null: followers, status updates, users...
            @SuppressWarnings("unchecked")
            T empty = (T) List.of();
            return empty;
        }
        if (value == null) {
            throw new TransportError(method + " " + path + " returned null, expected JSON", null);
        }
        return value;
    }

    private static TransportError notExpected(String method, String path, IOException e) {
        return new TransportError(method + " " + path + " returned a body that is not the expected JSON ("
                + e.getClass().getSimpleName() + ")", e);
    }

    Answer exchange(String method, String path, List<Map.Entry<String, String>> query, Object body) {
        RawAnswer raw = fetch(method, path, query, body);
        return new Answer(raw.status(), new String(raw.body(), raw.charset()), raw.headers());
    }

    /** A 2xx answer's body as the bytes that came, for decoding without a String in between. */
    private record RawAnswer(int status, byte[] body, java.nio.charset.Charset charset,
                             Map<String, List<String>> headers) {
    }

    /** The body's declared charset, UTF-8 when none is declared (as OkHttp's {@code string()} decides). */
    private static java.nio.charset.Charset charset(ResponseBody body) {
        MediaType type = body == null ? null : body.contentType();
        return type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8);
    }

    private RawAnswer fetch(String method, String path, List<Map.Entry<String, String>> query, Object body) {
        HttpUrl.Builder url = HttpUrl.get(address.resolve(path)).newBuilder();
        for (Map.Entry<String, String> p : query) {
            url.addQueryParameter(p.getKey(), p.getValue());
        }
        Request request = new Request.Builder().url(url.build()).method(method, requestBody(method, path, body)).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
            if (!response.isSuccessful()) {
                throw errors.toError(response.code(), new String(bytes, charset(responseBody)), response::header,
                        method, path);
            }
            return new RawAnswer(response.code(), bytes, charset(responseBody), response.headers().toMultimap());
        } catch (SessionGate.NotSignedIn e) {
            // Not a network failure worth a path and an exception name: the user reads this on a pending item.
            throw new TransportError(e.getMessage(), e);
        } catch (InterruptedIOException e) {
            throw new TransportError(method + " " + path + " timed out or was interrupted", e);
        } catch (IOException e) {
            throw new TransportError(method + " " + path + ": " + inPlainWords(e), e);
        }
    }

    /**
     * What went wrong on the way, as the status bar and a pending item show it: "cannot connect to
     * chat.example.com:443 (refused or unreachable)" says more at 4 AM than "ConnectException".
     */
    private String inPlainWords(IOException e) {
        String host = address.baseUrl().getHost();
        int port = address.baseUrl().getPort();
        String where = port < 0 ? host : host + ":" + port;
        Optional<String> tls = TlsFailure.explain(e, host);
        if (tls.isPresent()) {
            return tls.get();
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "cannot connect to " + where + " (refused or unreachable)";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + host + " (check the server address, or the network's DNS)";
        }
        return "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private RequestBody requestBody(String method, String path, Object body) {
        if (body instanceof Once once) {
            return oneShot(requestBody(method, path, once.body()));
        }
        if (body == null) {
            // OkHttp insists on a body for POST/PUT/PATCH; the server wants none (e.g. "run command").
            return BODY_METHODS.contains(method) ? RequestBody.create(new byte[0], null) : null;
        }
        try {
            String json = body instanceof RawJson raw ? raw.text() : mapper.writeValueAsString(body);
            return RequestBody.create(json, JSON);
        } catch (IOException e) {
            throw new TransportError(method + " " + path + " body could not be encoded", e);
        }
    }

    private static RequestBody oneShot(RequestBody inner) {
        if (inner == null) {
            return null;
        }
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return inner.contentType();
            }

            @Override
            public long contentLength() throws IOException {
                return inner.contentLength();
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws IOException {
                inner.writeTo(sink);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }
}
