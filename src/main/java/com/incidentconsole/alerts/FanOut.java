package com.incidentconsole.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every notice to every notifier: the in-app one always, the desktop one once it has connected (it may join
 * later, off the FX thread). One failing notifier does not keep the notice from the others.
 */
public final class FanOut implements Notifier {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());
    private final List<Notifier> notifiers = new CopyOnWriteArrayList<>();

    public FanOut add(Notifier notifier) {
        notifiers.add(notifier);
        return this;
    }

    @Override
    public void show(Notice notice) {
        for (Notifier notifier : notifiers) {
            try {
                notifier.show(notice);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A notifier failed; the others still show the notice", e);
            }
        }
    }

    @Override
    public void close() {
        for (Notifier notifier : notifiers) {
            try {
                notifier.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "A notifier did not close cleanly", e);
            }
        }
        notifiers.clear();
    }
}
