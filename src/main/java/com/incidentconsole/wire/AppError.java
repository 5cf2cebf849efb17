package com.incidentconsole.wire;

/**
 * The error body of Mattermost core ({@code /api/v4}) and of WebSocket responses:
 * {@code {"id","message","detailed_error","request_id","status_code"}}.
 */
public record AppError(
        String id,
        String message,
        String detailedError,
        String requestId,
        int statusCode) {

    public AppError {
        id = Lists.text(id);
        message = Lists.text(message);
        detailedError = Lists.text(detailedError);
        requestId = Lists.text(requestId);
    }
}
