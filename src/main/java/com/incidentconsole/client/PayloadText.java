package com.incidentconsole.client;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code data.payload} of a plugin event as {@link FrameReader} found it: the string, as any text
 * node, plus its UTF-8 bytes, so {@link PluginPayloads} parses the inner JSON from bytes (Jackson's
 * faster parser) without encoding the string again, and — for the run events — the payload already
 * decoded on the socket thread, so the stream's own thread only applies it. Equal to a plain
 * {@link TextNode} of the same text.
 */
final class PayloadText extends TextNode {

    private static final long serialVersionUID = 1L;

    private final transient byte[] utf8;
    private final transient Object decoded;

    /** @param decoded the payload already decoded as its event's type (on the socket thread), or null */
    PayloadText(String value, byte[] utf8, Object decoded) {
        super(value);
        this.utf8 = utf8;
        this.decoded = decoded;
    }

    /** What {@link FrameReader} decoded the payload to, or null: then {@link PluginPayloads} decodes it. */
    Object decoded() {
        return decoded;
    }

    /** The payload's UTF-8 bytes; not a copy, never to be changed. */
    byte[] utf8() {
        return utf8;
    }
}
