package com.incidentconsole.sandbox.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentconsole.sandbox.chat.Poster;
import com.incidentconsole.sandbox.seed.SeedGenerator;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.sandbox.ws.EventHub;
import com.incidentconsole.wire.Broadcast;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plugin bot's direct messages ({@code server/bot/poster.go} {@code DM}: {@code GetDirect(user, bot)},
 * then a post by the bot in that channel). The DM channel is made on first use like core's
 * {@code createDirectChannel}, which announces it with {@code direct_added} ({@code creator_id} = the
 * user, {@code teammate_id} = the bot) to the new channel. Callers hold the state lock.
 */
public final class DirectMessages {

    static final String DIRECT_ADDED = "direct_added";

    private final SandboxState state;
    private final Poster poster;
    private final EventHub hub;
    private final ObjectMapper mapper;
    private final Access access;

    public DirectMessages(SandboxState state, Poster poster, EventHub hub, ObjectMapper mapper, Access access) {
        this.state = state;
        this.poster = poster;
        this.hub = hub;
        this.mapper = mapper;
        this.access = access;
    }

    public String botId() {
        return state.directory().userByLogin(SeedGenerator.BOT_USERNAME).orElseThrow().id();
    }

    /** Posts {@code message} from the bot in its DM channel with {@code userId}. */
    public Post dm(String userId, String message) {
        String bot = botId();
        Channel channel = directChannel(userId, bot);
        return poster.post(channel.id(), bot, message, "", null);
    }

    /**
     * {@code dmPostToRunFollowers} / {@code dmPostToUsersWithPermission}: every follower except the
     * author who may still view the run gets the message, channel member or not.
     */
    public List<Post> toFollowers(RunEntity run, String message, String authorId) {
        List<Post> sent = new ArrayList<>();
        for (String follower : List.copyOf(run.followers)) {
            if (!follower.equals(authorId) && access.canView(follower, run)) {
                sent.add(dm(follower, message));
            }
        }
        return sent;
    }

    /** As {@link #toFollowers(RunEntity, String, String)}, copying a post's type and props as well. */
    public List<Post> toFollowers(RunEntity run, Post original, String authorId) {
        List<Post> sent = new ArrayList<>();
        String bot = botId();
        for (String follower : List.copyOf(run.followers)) {
            if (!follower.equals(authorId) && access.canView(follower, run)) {
                Channel channel = directChannel(follower, bot);
                sent.add(poster.post(channel.id(), bot, original.message(), original.type(),
                        original.props() == null ? null : original.props().deepCopy()));
            }
        }
        return sent;
    }

    /** The {@code D} channel named {@code <lower id>__<higher id>}, as core names direct channels. */
    private Channel directChannel(String userId, String otherUserId) {
        String name = userId.compareTo(otherUserId) < 0 ? userId + "__" + otherUserId : otherUserId + "__" + userId;
        Optional<Channel> existing = state.directory().channels().stream()
                .filter(c -> "D".equals(c.type()) && c.name().equals(name)).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        long now = state.now();
        Channel channel = new Channel(state.ids().next(), now, now, 0, "", "D", "", name, "", "", now, 0, userId);
        state.directory().addChannel(channel);
        state.directory().addChannelMember(channel.id(), userId);
        state.directory().addChannelMember(channel.id(), otherUserId);
        hub.publish(DIRECT_ADDED, mapper.createObjectNode().put("creator_id", userId).put("teammate_id", otherUserId),
                Broadcast.toChannel(channel.id()));
        return channel;
    }
}
