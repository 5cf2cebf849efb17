package com.incidentconsole.timeline;

import com.incidentconsole.fx.UiTask;
import com.incidentconsole.wire.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The text of the posts a run's events were made from, by post id: the server keeps only the summary on an
 * {@code event_from_post} (app AddPostToTimeline), while the post holds what was said. Each post is read once, in the
 * background; one that cannot be read stays unknown (not asked again in a loop). FX thread only.
 */
final class PostTexts {

    private static final Logger LOG = Logger.getLogger(PostTexts.class.getName());

    private final Map<String, String> texts = new HashMap<>();

    String text(String postId) {
        return texts.getOrDefault(postId, "");
    }

    void load(List<TimelineEvent> events, TimelineViewModel.Services services, Runnable arrived) {
        for (TimelineEvent e : events) {
            String postId = e.postId();
            if (!postId.isEmpty() && TimelineEvent.EVENT_FROM_POST.equals(e.eventType()) && !texts.containsKey(postId)) {
                texts.put(postId, "");
                UiTask.of(() -> services.post().apply(postId)).onSuccess(post -> {
                    texts.put(postId, post.message() == null ? "" : post.message());
                    arrived.run();
                }).onError(failed -> LOG.info(() -> "The post of a timeline event could not be read: "
                        + failed.getMessage())).on(services.net(), services.ui());
            }
        }
    }
}
