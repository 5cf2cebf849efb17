package com.incidentconsole.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the headers every Mattermost request carries, in one place so no endpoint can forget them.
 * {@code X-Requested-With} mirrors the webapp (harmless with bearer auth, required for cookie auth).
 * The token is absent only during password login, which is how that request goes out unauthenticated.
 */
final class AuthHeaders implements Interceptor {

    private volatile String token = "";

    void token(String newToken) {
        token = newToken == null ? "" : newToken;
    }

    String token() {
        return token;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder request = chain.request().newBuilder().header("X-Requested-With", "XMLHttpRequest");
        String current = token;
        if (!current.isEmpty()) {
            request.header("Authorization", "Bearer " + current);
        }
        return chain.proceed(request.build());
    }

    @Override
    public String toString() {
        return "AuthHeaders[token=" + (token.isEmpty() ? "none" : "***") + "]";
    }
}
