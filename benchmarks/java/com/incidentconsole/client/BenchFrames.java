package com.incidentconsole.client;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.incidentconsole.wire.WebSocketEvent;
import java.net.URI;

/** Benchmark access to the stream's frame reader and constructor (package-private in the product). */
public final class BenchFrames {

    private final FrameReader reader;

    public BenchFrames(JsonMapper mapper) {
        this.reader = new FrameReader(mapper);
    }

    /** What {@code EventStream} does with a text frame: an event, or null for a reply or garbage. */
    public WebSocketEvent event(String text) {
        return reader.read(text) instanceof FrameReader.Event e ? e.event() : null;
    }

    /** The product's event stream on {@code endpoint} (a loopback server), with the default timings. */
    public static EventStream stream(URI endpoint, JsonMapper mapper, EventStream.Listener listener) {
        return new EventStream(endpoint, "bench-token", mapper, listener, StreamSettings.defaults());
    }
}
