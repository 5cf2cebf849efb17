package com.incidentconsole.credentials;

/** What a stored token is, which decides what signing out means. */
public enum TokenKind {
    /** A personal access token the user created in Mattermost; signing out forgets it here, the server keeps it. */
    ACCESS_TOKEN,
    /** A session token from a password sign-in; signing out also ends the session on the server. */
    SESSION
}
