package com.incidentconsole.client;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a failed TLS handshake into words a user can act on. The JDK's own text ("PKIX path building failed:
 * sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to
 * requested target") tells nobody that the fix is to add their company's CA.
 */
final class TlsFailure {

    /** The option that adds a CA, named in the advice; the app and every server command accept it. */
    static final String CA_OPTION = "--ca-cert FILE";

    private TlsFailure() {
    }

    /**
     * True when the TLS failure is one a retry cannot fix (the certificate is expired, untrusted or for another
     * name, or the server does not speak TLS): only the user or the server's administrator can. A handshake
     * that merely broke off is not.
     */
    static boolean retryCannotFix(Throwable error, String host) {
        return explain(error, host).filter(words -> !words.startsWith(BROKE_OFF)).isPresent();
    }

    private static final String BROKE_OFF = "The secure (TLS) connection to ";

    /** The explanation when {@code error}'s causes include a TLS failure; empty for any other failure. */
    static Optional<String> explain(Throwable error, String host) {
        SSLException tls = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl && tls == null) {
                tls = ssl;
            }
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || t instanceof CertPathValidatorException v && isValidity(v)) {
                return Optional.of("The certificate of " + host + " is expired or not yet valid, so the connection "
                        + "was refused. Ask the server's administrator to renew it (or check this computer's clock).");
            }
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return Optional.of(untrusted(host));
            }
        }
        if (tls == null) {
            return Optional.empty();
        }
        String text = String.valueOf(tls.getMessage()).toLowerCase(Locale.ROOT);
        if (tls instanceof SSLPeerUnverifiedException || text.contains("no subject alternative")
                || text.contains("no name matching") || text.contains("not verified")) {
            return Optional.of("The certificate of " + host + " is valid but issued for a different host name, so "
                    + "the connection was refused. Connect with the name the certificate was issued for.");
        }
        if (text.contains("pkix") || text.contains("certification path") || text.contains("unknown_ca")
                || text.contains("certificate_unknown")) {
            return Optional.of(untrusted(host));
        }
        if (text.contains("unrecognized ssl message") || text.contains("plaintext")) {
            return Optional.of(host + " did not answer with TLS: check whether the address should start with http://"
                    + " rather than https://.");
        }
        return Optional.of(BROKE_OFF + host + " failed: " + tls.getMessage());
    }

    private static String untrusted(String host) {
        return "The certificate of " + host + " was not trusted: it is not signed by a certificate authority this "
                + "computer trusts. If your organisation runs its own certificate authority, add its certificate "
                + "(PEM) with " + CA_OPTION + ".";
    }

    private static boolean isValidity(CertPathValidatorException e) {
        return e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
    }
}
