package com.incidentconsole.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which certificate authorities a connection trusts: the system's (the JDK's default trust store), plus, when
 * the organisation runs its own CA, the certificates given with {@code --ca-cert}. Never fewer than the system's
 * and never "trust all": the added certificates join the standard PKIX validation, and host names are still
 * checked (by OkHttp for REST, by JSSE's endpoint identification for the event stream).
 *
 * <p>Built once and shared by the REST client and the event stream, so both trust exactly the same CAs.
 */
public final class ServerTrust {

    private static final ServerTrust SYSTEM = new ServerTrust(List.of(), null, null);

    private final List<X509Certificate> added;
    private final SSLContext context;
    private final X509TrustManager trustManager;

    private ServerTrust(List<X509Certificate> added, SSLContext context, X509TrustManager trustManager) {
        this.added = added;
        this.context = context;
        this.trustManager = trustManager;
    }

    /** The system's certificate authorities only: the libraries' own defaults, untouched. */
    public static ServerTrust system() {
        return SYSTEM;
    }

    /**
     * The system's certificate authorities plus every certificate in these PEM files (a file may hold several).
     * A certificate given here becomes a trust anchor, so a self-signed server certificate works as well as a CA's.
     *
     * @throws CaCertificateException naming the file, when one cannot be read or holds no certificate
     */
    public static ServerTrust withAddedAuthorities(List<Path> pemFiles) {
        if (pemFiles.isEmpty()) {
            return SYSTEM;
        }
        List<X509Certificate> added = new ArrayList<>();
        for (Path file : pemFiles) {
            added.addAll(read(file));
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (X509Certificate system : systemTrustManager().getAcceptedIssuers()) {
                anchors.setCertificateEntry("system-" + n++, system);
            }
            for (X509Certificate extra : added) {
                anchors.setCertificateEntry("added-" + n++, extra);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            X509TrustManager manager = x509(factory.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return new ServerTrust(List.copyOf(added), context, manager);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not set up TLS trust with the added certificates: " + e.getMessage(), e);
        }
    }

    /** The certificates added to the system's, in the order given. */
    public List<X509Certificate> addedAuthorities() {
        return added;
    }

    public boolean addsAuthorities() {
        return !added.isEmpty();
    }

    /** Every trust anchor of the merged trust manager (tests check that no system CA went missing). */
    X509Certificate[] acceptedIssuers() throws GeneralSecurityException {
        return trustManager != null ? trustManager.getAcceptedIssuers() : systemTrustManager().getAcceptedIssuers();
    }

    /** For OkHttp: only touched when certificates were added, so the default keeps OkHttp's own platform setup. */
    void configure(OkHttpClient.Builder http) {
        if (context != null) {
            http.sslSocketFactory(context.getSocketFactory(), trustManager);
        }
    }

    /**
     * The socket factory the event stream must use for {@code uri}: present only for {@code wss} with added
     * certificates. (Java-WebSocket would also wrap a plain {@code ws} socket in TLS if handed a TLS factory.)
     */
    Optional<SSLSocketFactory> socketFactoryFor(URI uri) {
        return context != null && "wss".equalsIgnoreCase(uri.getScheme())
                ? Optional.of(context.getSocketFactory()) : Optional.empty();
    }

    private static Collection<X509Certificate> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CaCertificateException(file, "no such file");
        } catch (IOException e) {
            throw new CaCertificateException(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Collection<? extends Certificate> found;
        try {
            found = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            found = List.of();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : found) {
            if (c instanceof X509Certificate x509) {
                certificates.add(x509);
            }
        }
        if (certificates.isEmpty()) {
            throw new CaCertificateException(file,
                    "holds no PEM certificate (expected a block starting with -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static X509TrustManager systemTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return x509(factory.getTrustManagers());
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("The JDK offers no X.509 trust manager");
    }

    @Override
    public String toString() {
        return added.isEmpty() ? "ServerTrust[system]" : "ServerTrust[system + " + added.size() + " added]";
    }
}
