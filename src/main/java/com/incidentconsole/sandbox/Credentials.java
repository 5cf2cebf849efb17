package com.incidentconsole.sandbox;

/** How to sign in to a sandbox as its default user; {@code token} is a personal access token. */
public record Credentials(String url, String username, String password, String token) {

    @Override
    public String toString() {
        return "Credentials[url=" + url + ", username=" + username + ", password=***, token=***]";
    }
}
