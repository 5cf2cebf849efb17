package com.incidentconsole.sandbox.state;

/**
 * A request the real server would refuse, with its status and public message. The HTTP layer
 * renders it in the body shape of the area it happened in ({@code {"error"}} or AppError).
 */
public final class Rejection extends RuntimeException {

    private final int status;
    private final String errorId;

    public Rejection(int status, String message) {
        this(status, "", message);
    }

    public Rejection(int status, String errorId, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorId = errorId;
    }

    public int status() {
        return status;
    }

    /** The AppError id for core routes; empty for plugin routes. */
    public String errorId() {
        return errorId;
    }

    public static Rejection notAuthorized() {
        return new Rejection(403, "api.context.permissions.app_error", "Not authorized");
    }

    public static Rejection badRequest(String message) {
        return new Rejection(400, "api.context.invalid_body_param.app_error", message);
    }

    public static Rejection finished() {
        return new Rejection(400, "cannot modify a finished run");
    }

    public static Rejection internal() {
        return new Rejection(500, "An internal error has occurred. Check app server logs for details.");
    }
}
