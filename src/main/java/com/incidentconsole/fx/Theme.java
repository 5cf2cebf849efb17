package com.incidentconsole.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * Dark by default (the console is opened at 4 AM in a dark room); light on demand for daylight or a
 * projector. AtlantaFX themes are user-agent stylesheets, so switching restyles every window.
 */
public final class Theme {

    private boolean dark = true;

    public void apply() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        dark = !dark;
        apply();
    }

    public boolean isDark() {
        return dark;
    }
}
