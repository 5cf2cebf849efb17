package com.incidentconsole.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.incidentconsole.sandbox.kernel.ExchangeObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Checks one observed exchange under the plugin's REST root against {@code playbooks-openapi.yaml}
 * with the Atlassian validator, and returns what {@link SpecDivergences} does not explain. Response
 * fields the spec does not list are tolerated (the server sends many more); everything else counts.
 */
final class SpecContract {

    static final String PLUGIN_ROOT = "/plugins/playbooks/api/v0/";

    private final OpenApiInteractionValidator validator;

    SpecContract() {
        String spec;
        try (InputStream in = SpecContract.class.getResourceAsStream("/sandbox/playbooks-openapi.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    static boolean covers(ExchangeObserver.Exchange exchange) {
        return exchange.path().startsWith(PLUGIN_ROOT);
    }

    /** Unexplained ERROR messages for the exchange, each prefixed with the request line. */
    List<String> mismatches(ExchangeObserver.Exchange exchange) {
        ValidationReport report = validator.validate(request(exchange), response(exchange));
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> SpecDivergences.explaining(exchange, m).isEmpty())
                .map(m -> exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + m.getKey()
                        + ": " + m.getMessage())
                .toList();
    }

    private static Request request(ExchangeObserver.Exchange x) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(x.method()), x.path());
        copyHeaders(x.requestHeaders(), b::withHeader);
        if (!x.query().isEmpty()) {
            for (String pair : x.query().split("&")) {
                String[] kv = pair.split("=", 2);
                b.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (!x.requestBody().isEmpty()) {
            b.withBody(x.requestBody());
        }
        return b.build();
    }

    private static com.atlassian.oai.validator.model.Response response(ExchangeObserver.Exchange x) {
        SimpleResponse.Builder b = SimpleResponse.Builder.status(x.status());
        copyHeaders(x.responseHeaders(), b::withHeader);
        if (!x.responseBody().isEmpty()) {
            b.withBody(x.responseBody());
        }
        return b.build();
    }

    private static void copyHeaders(Map<String, List<String>> headers,
                                    java.util.function.BiConsumer<String, List<String>> sink) {
        headers.forEach(sink);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
