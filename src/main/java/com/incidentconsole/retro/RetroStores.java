package com.incidentconsole.retro;

import com.incidentconsole.sync.store.Drafts;
import com.incidentconsole.sync.store.TimelineStars;

/** The local store's parts the editor and the timeline use for the server followed now. */
public record RetroStores(Drafts drafts, TimelineStars stars) {
}
