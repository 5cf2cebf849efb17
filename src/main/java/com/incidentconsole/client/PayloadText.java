package com.incidentconsole.client;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code data.payload} of a plugin event as {@link FrameReader} found it: the string, as any text
 * node, plus its UTF-8 bytes, so {@link PluginPayloads} parses the inner JSON from bytes (Jackson's
 * faster parser) without encoding the string again. Equal to a plain {@link TextNode} of the same text.
 */
final class PayloadText extends TextNode {

    private static final long serialVersionUID = 1L;

    private final transient byte[] utf8;

    PayloadText(String value, byte[] utf8) {
        super(value);
        this.utf8 = utf8;
    }

    /** The payload's UTF-8 bytes; not a copy, never to be changed. */
    byte[] utf8() {
        return utf8;
    }
}
