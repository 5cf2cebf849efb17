package com.incidentconsole.cli;

import com.incidentconsole.client.ClientException;
import com.incidentconsole.credentials.CredentialException;
import com.incidentconsole.playbook.library.store.FileErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The exit-code contract every server command keeps, in one place: 0 done, 1 refused or failed (the server's
 * message on stderr), 2 bad arguments or no usable sign-in. Scripts and chat-ops branch on these.
 */
final class CommandIo {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private CommandIo() {
    }

    /** Runs {@code body}, turning the typed failures into their exit code and one line on {@code err}. */
    static int run(PrintWriter out, PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (AtMostOnce.Uncertain e) {
            err.println("error: " + e.getMessage());
            return REFUSED;
        } catch (ClientException | CredentialException e) {
            err.println("error: " + e.getMessage());
            return REFUSED;
        } catch (ServerLogin.NoToken | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + FileErrors.reason(e));
            return REFUSED;
        } catch (Exception e) {
            err.println("error: " + e);
            return REFUSED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
