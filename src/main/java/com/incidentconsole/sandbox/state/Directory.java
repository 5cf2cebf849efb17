package com.incidentconsole.sandbox.state;

import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.ChannelMember;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mattermost core state: users (with passwords), teams, channels, memberships, posts and tokens.
 * Not thread-safe by itself; {@link SandboxState} guards it with its lock.
 */
public final class Directory {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, Set<String>> teamMembers = new HashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Set<String>> channelMembers = new HashMap<>();
    private final Map<String, List<Post>> postsByChannel = new HashMap<>();
    private final Set<String> channelNames = new java.util.HashSet<>();
    private final Map<String, Post> posts = new HashMap<>();
    /** token -> user id; sessions and personal access tokens alike (both are bearer tokens). */
    private final Map<String, String> tokens = new HashMap<>();
    /** Which of {@link #tokens} are personal access tokens: a logout ends a session, never one of these. */
    private final Set<String> accessTokens = new HashSet<>();

    public void addUser(User user, String password) {
        users.put(user.id(), user);
        passwords.put(user.id(), password);
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public Optional<User> userByLogin(String loginId) {
        return users.values().stream()
                .filter(u -> u.username().equalsIgnoreCase(loginId) || u.email().equalsIgnoreCase(loginId))
                .findFirst();
    }

    public boolean passwordMatches(String userId, String password) {
        return password != null && password.equals(passwords.get(userId));
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public void addTeam(Team team) {
        teams.put(team.id(), team);
        teamMembers.put(team.id(), new LinkedHashSet<>());
    }

    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    public void addTeamMember(String teamId, String userId) {
        teamMembers.get(teamId).add(userId);
    }

    public boolean isTeamMember(String teamId, String userId) {
        Set<String> members = teamMembers.get(teamId);
        return members != null && members.contains(userId);
    }

    public Set<String> teamMembers(String teamId) {
        return teamMembers.getOrDefault(teamId, Set.of());
    }

    public void addChannel(Channel channel) {
        channels.put(channel.id(), channel);
        channelNames.add(channel.teamId() + "/" + channel.name());
        channelMembers.put(channel.id(), new LinkedHashSet<>());
        postsByChannel.put(channel.id(), new ArrayList<>());
    }

    public void replaceChannel(Channel channel) {
        channels.put(channel.id(), channel);
        channelNames.add(channel.teamId() + "/" + channel.name());
    }

    /** Whether a channel of the team has (or had) this name; channel names are unique per team. */
    public boolean hasChannelNamed(String teamId, String name) {
        return channelNames.contains(teamId + "/" + name);
    }

    public Optional<Channel> channel(String id) {
        return Optional.ofNullable(channels.get(id));
    }

    public List<Channel> channels() {
        return List.copyOf(channels.values());
    }

    public void addChannelMember(String channelId, String userId) {
        channelMembers.get(channelId).add(userId);
    }

    public void removeChannelMember(String channelId, String userId) {
        Set<String> members = channelMembers.get(channelId);
        if (members != null) {
            members.remove(userId);
        }
    }

    public boolean isChannelMember(String channelId, String userId) {
        Set<String> members = channelMembers.get(channelId);
        return members != null && members.contains(userId);
    }

    public List<ChannelMember> channelMembers(String channelId) {
        Channel channel = channels.get(channelId);
        return channelMembers.getOrDefault(channelId, Set.of()).stream()
                .map(u -> new ChannelMember(channelId, u, "channel_user", channel.lastPostAt(), channel.totalMsgCount(),
                        0, channel.createAt()))
                .toList();
    }

    public void addPost(Post post) {
        posts.put(post.id(), post);
        postsByChannel.get(post.channelId()).add(post);
        Channel c = channels.get(post.channelId());
        channels.put(c.id(), new Channel(c.id(), c.createAt(), c.updateAt(), c.deleteAt(), c.teamId(), c.type(),
                c.displayName(), c.name(), c.header(), c.purpose(), post.createAt(), c.totalMsgCount() + 1,
                c.creatorId()));
    }

    /** Replaces a stored post (an edit or a soft delete), keeping its place in the channel. */
    public void replacePost(Post post) {
        posts.put(post.id(), post);
        List<Post> inChannel = postsByChannel.get(post.channelId());
        inChannel.replaceAll(p -> p.id().equals(post.id()) ? post : p);
    }

    public Optional<Post> post(String id) {
        return Optional.ofNullable(posts.get(id));
    }

    /** Posts of a channel in creation order (oldest first). */
    public List<Post> posts(String channelId) {
        return postsByChannel.getOrDefault(channelId, List.of());
    }

    /** A session token, as a password login creates. */
    public void addToken(String token, String userId) {
        tokens.put(token, userId);
    }

    /** A personal access token: valid until revoked, whatever logouts happen with it. */
    public void addAccessToken(String token, String userId) {
        tokens.put(token, userId);
        accessTokens.add(token);
    }

    /**
     * {@code POST /users/logout}: the real server revokes the session the request came with. A request
     * authenticated by a personal access token runs in a session made for that token; revoking it leaves the
     * token itself valid (the next request gets a new session), so only a session token stops working here.
     */
    public void endSession(String token) {
        if (!accessTokens.contains(token)) {
            tokens.remove(token);
        }
    }

    /** Invalidates either kind of token, as an admin revoking it would. */
    public void revokeToken(String token) {
        tokens.remove(token);
        accessTokens.remove(token);
    }

    public Optional<String> userForToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }
}
