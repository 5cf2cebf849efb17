package com.incidentconsole.sandbox.http;

import com.incidentconsole.sandbox.state.IdSource;
import com.incidentconsole.sandbox.state.Rejection;

/**
 * The core AppErrors the new core routes answer with, ids and English messages as in
 * {@code server/i18n/en.json}. {@code web/context.go} {@code SetPermissionError},
 * {@code SetInvalidURLParam}, {@code SetInvalidParam}; store not-found errors as the app layer wraps them.
 */
final class CoreErrors {

    private CoreErrors() {
    }

    static Rejection permission() {
        return new Rejection(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.");
    }

    static Rejection invalidUrlParam(String name) {
        return new Rejection(400, "api.context.invalid_url_param.app_error",
                "Invalid or missing " + name + " parameter in request URL.");
    }

    static Rejection invalidBodyParam(String name) {
        return new Rejection(400, "api.context.invalid_body_param.app_error",
                "Invalid or missing " + name + " in request body.");
    }

    /** {@code App.GetSinglePost}: store not found. */
    static Rejection postNotFound() {
        return new Rejection(404, "app.post.get.app_error", "Unable to get post.");
    }

    /** {@code Server.getChannel}: store not found. */
    static Rejection channelNotFound() {
        return new Rejection(404, "app.channel.get.existing.app_error", "Unable to find the existing channel.");
    }

    /** {@code App.GetUser}: store not found ({@code app/user.go}). */
    static Rejection userNotFound() {
        return new Rejection(404, "app.user.missing_account.const", "Unable to find the user.");
    }

    /** {@code Context.RequirePostId} and friends: an id must be a 26-character Mattermost id. */
    static String requireId(Call c, String param) {
        String id = c.param(param);
        if (!IdSource.isValid(id)) {
            throw invalidUrlParam(param);
        }
        return id;
    }
}
