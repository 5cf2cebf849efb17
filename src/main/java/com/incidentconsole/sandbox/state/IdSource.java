package com.incidentconsole.sandbox.state;

import java.util.SplittableRandom;

/**
 * Makes Mattermost-shaped ids: 26 lowercase alphanumerics. Seeded, so that a seeded sandbox
 * hands out the same ids on every start; not thread-safe, callers hold the state lock.
 */
public final class IdSource {

    /** {@code model.NewId} encodes 16 random bytes in z-base-32, so real ids only ever use these 32 characters. */
    static final char[] ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769".toCharArray();
    public static final int LENGTH = 26;

    private final SplittableRandom random;

    public IdSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
