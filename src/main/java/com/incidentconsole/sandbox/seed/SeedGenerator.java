package com.incidentconsole.sandbox.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.runs.BotPosts;
import com.incidentconsole.sandbox.runs.ReminderService;
import com.incidentconsole.sandbox.kernel.SandboxBot;
import com.incidentconsole.sandbox.runs.RunFactory;
import com.incidentconsole.sandbox.runs.StatusService;
import com.incidentconsole.sandbox.state.Directory;
import com.incidentconsole.sandbox.state.RunEntity;
import com.incidentconsole.sandbox.state.SandboxState;
import com.incidentconsole.wire.Channel;
import com.incidentconsole.wire.Checklist;
import com.incidentconsole.wire.ChecklistItem;
import com.incidentconsole.wire.PlaybookMember;
import com.incidentconsole.wire.PlaybookRun;
import com.incidentconsole.wire.Post;
import com.incidentconsole.wire.RunMetricData;
import com.incidentconsole.wire.StatusPost;
import com.incidentconsole.wire.Team;
import com.incidentconsole.wire.TimelineEvent;
import com.incidentconsole.wire.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fills the state with deterministic data in the spirit of {@code /incident test bulk-data}: three
 * teams, 25 people plus an admin, template-based and custom playbooks, and runs whose checklists,
 * timelines and status posts agree with each other. Same options and clock → same data.
 */
public final class SeedGenerator {

    public static final String DEFAULT_USERNAME = "alex.rivera";
    public static final String PASSWORD = "sandbox";
    public static final String ADMIN_USERNAME = "sysadmin";
    /** The plugin's bot, author of reminders; a bot cannot log in with a password. */
    public static final String BOT_USERNAME = SandboxBot.USERNAME;
    private static final long DAY = 86_400_000L;

    private final SandboxState state;
    private final RunFactory factory;
    private final ObjectMapper mapper;
    private final TemplateLibrary templates;

    public SeedGenerator(SandboxState state, RunFactory factory, ObjectMapper mapper) {
        this.state = state;
        this.factory = factory;
        this.mapper = mapper;
        this.templates = new TemplateLibrary(mapper);
    }

    public void generate(long seed, int ongoing, int ended, LocalDate from, LocalDate to) {
        SplittableRandom random = new SplittableRandom(seed);
        long now = state.now();
        long end = to == null ? now : Math.min(now, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        long start = from == null ? end - 182 * DAY : from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long epoch = start - 30 * DAY;
        List<Team> teams = teams(epoch);
        List<User> users = users(teams, epoch);
        List<List<ObjectNode>> playbooks = playbooks(teams, users.get(0).id(), epoch);
        for (int k = 0; k < ongoing + ended; k++) {
            boolean finished = k >= ongoing;
            int team = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
            List<ObjectNode> teamPlaybooks = playbooks.get(team);
            ObjectNode playbook = teamPlaybooks.get(random.nextInt(10) < 6 ? 0 : random.nextInt(teamPlaybooks.size()));
            long windowStart = finished ? start : Math.max(start, end - 10 * DAY);
            long createAt = windowStart + (long) (random.nextDouble() * Math.max(1, end - windowStart - DAY / 4));
            seedRun(random, teams.get(team), users, playbook, createAt, finished, end, k < ongoing / 3);
        }
    }

    private List<Team> teams(long at) {
        List<Team> teams = new ArrayList<>();
        for (String[] t : SeedNames.TEAMS) {
            Team team = new Team(state.ids().next(), at, at, 0, t[1], t[0], "", "", "O", true);
            state.directory().addTeam(team);
            Channel town = new Channel(state.ids().next(), at, at, 0, team.id(), "O", "Town Square", "town-square",
                    "", "", at, 0, "");
            state.directory().addChannel(town);
            teams.add(team);
        }
        return teams;
    }

    /** The default user is in the first two teams only, so the third team's runs are invisible to them. */
    private List<User> users(List<Team> teams, long at) {
        Directory directory = state.directory();
        List<User> users = new ArrayList<>();
        for (int k = 0; k < SeedNames.PEOPLE.length; k++) {
            String first = SeedNames.PEOPLE[k][0];
            String last = SeedNames.PEOPLE[k][1];
            String username = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "");
            User user = new User(state.ids().next(), at, at, 0, username, username + "@example.com", "", first, last,
                    k == 0 ? "Incident Commander" : "", "system_user", "en", false);
            directory.addUser(user, PASSWORD);
            users.add(user);
            if (k < 18) {
                join(teams.get(0), user);
            }
            if (k < 12 || (k >= 18 && k < 22)) {
                join(teams.get(1), user);
            }
            if (k >= 12 || k % 5 == 1) {
                join(teams.get(2), user);
            }
        }
        User admin = new User(state.ids().next(), at, at, 0, ADMIN_USERNAME, "admin@example.com", "", "System",
                "Admin", "", "system_admin system_user", "en", false);
        directory.addUser(admin, PASSWORD);
        teams.forEach(t -> join(t, admin));
        User bot = new User(state.ids().next(), at, at, 0, BOT_USERNAME, "", "", "Playbooks", "", "",
                "system_user", "en", true);
        directory.addUser(bot, null);
        state.setDefaultUserId(users.get(0).id());
        return users;
    }

    private void join(Team team, User user) {
        state.directory().addTeamMember(team.id(), user.id());
        state.directory().channels().stream()
                .filter(c -> c.teamId().equals(team.id()) && c.name().equals("town-square"))
                .forEach(c -> state.directory().addChannelMember(c.id(), user.id()));
    }

    private List<List<ObjectNode>> playbooks(List<Team> teams, String authorId, long at) {
        List<List<ObjectNode>> result = new ArrayList<>();
        result.add(List.of(
                playbook("incident-resolution", null, teams.get(0), authorId, at, "INC", true),
                playbook("incident-resolution", "SEV-1 Database outage", teams.get(0), authorId, at, "DB", true),
                playbook("incident-resolution", "Security incident", teams.get(0), authorId, at, "SEC", true),
                playbook("bug-bash", null, teams.get(0), authorId, at, "", false)));
        result.add(List.of(
                playbook("incident-resolution", null, teams.get(1), authorId, at, "PAY", true),
                playbook("product-release", null, teams.get(1), authorId, at, "REL", false)));
        result.add(List.of(
                playbook("customer-onboarding", null, teams.get(2), authorId, at, "", false),
                playbook("incident-resolution", null, teams.get(2), authorId, at, "CS", true)));
        return result;
    }

    private ObjectNode playbook(String template, String title, Team team, String authorId, long at, String prefix,
                                boolean metrics) {
        ObjectNode pb = templates.template(template);
        String id = state.ids().next();
        pb.put("id", id);
        if (title != null) {
            pb.put("title", title);
            pb.put("description", title + " response, adapted from Incident Resolution.");
        }
        pb.put("team_id", team.id());
        pb.put("create_at", at);
        pb.put("update_at", at);
        pb.put("run_number_prefix", prefix);
        pb.put("next_run_number", 1);
        pb.set("members", mapper.valueToTree(List.of(new PlaybookMember(authorId,
                List.of(PlaybookMember.ROLE_MEMBER, PlaybookMember.ROLE_ADMIN), List.of()))));
        ArrayNode metricList = pb.putArray("metrics");
        if (metrics) {
            metric(metricList, id, "Time to detect", "metric_duration", 900_000L);
            metric(metricList, id, "Time to resolve", "metric_duration", 14_400_000L);
            metric(metricList, id, "Customers affected", "metric_integer", null);
            metric(metricList, id, "Cost", "metric_currency", null);
        }
        state.playbooks().put(id, pb);
        return pb;
    }

    private void metric(ArrayNode list, String playbookId, String title, String type, Long target) {
        ObjectNode m = list.addObject();
        m.put("id", state.ids().next());
        m.put("playbook_id", playbookId);
        m.put("title", title);
        m.put("description", "");
        m.put("type", type);
        if (target == null) {
            m.putNull("target");
        } else {
            m.put("target", target);
        }
    }

    private void seedRun(SplittableRandom random, Team team, List<User> users, ObjectNode playbook, long createAt,
                         boolean finished, long now, boolean defaultOwns) {
        List<User> members = users.stream().filter(u -> state.directory().isTeamMember(team.id(), u.id())).toList();
        User defaultUser = users.get(0);
        boolean defaultInTeam = members.contains(defaultUser);
        User owner = defaultOwns && defaultInTeam ? defaultUser : members.get(random.nextInt(members.size()));
        User reporter = members.get(random.nextInt(members.size()));
        RunEntity run = factory.create(playbook, new RunFactory.Spec(runName(random, playbook), "", owner.id(),
                reporter.id(), team.id(), "", random.nextBoolean(), false), createAt);
        factory.addParticipants(run, List.of(run.ownerUserId, reporter.id()).stream().distinct().toList(),
                reporter.id(), r -> { }, createAt);
        factory.createdTimeline(run);
        int extra = 1 + random.nextInt(4);
        for (int k = 0; k < extra; k++) {
            factory.join(run, members.get(random.nextInt(members.size())).id());
        }
        if (defaultInTeam && !finished && random.nextInt(3) == 0) {
            factory.join(run, defaultUser.id());
        }
        List<String> people = List.copyOf(run.participantIds);
        long endAt = finished ? Math.min(now, createAt + DAY / 8 + (long) (random.nextDouble() * 5 * DAY)) : 0;
        long horizon = finished ? endAt : now;
        double progress = finished ? 1.0 : 0.1 + random.nextDouble() * 0.7;
        List<TimelineEvent> events = run.timelineEvents;
        long t = createAt;
        long step = Math.max(60_000L, (horizon - createAt) / 40);
        List<Checklist> checklists = new ArrayList<>();
        int total = run.checklists.stream().mapToInt(c -> c.items().size()).sum();
        int done = (int) Math.round(total * progress);
        int index = 0;
        for (Checklist checklist : run.checklists) {
            List<ChecklistItem> items = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                String assignee = random.nextInt(3) == 0 ? people.get(random.nextInt(people.size())) : "";
                String itemState = ChecklistItem.OPEN;
                if (index < done) {
                    itemState = random.nextInt(8) == 0 ? ChecklistItem.SKIPPED : ChecklistItem.CLOSED;
                } else if (index == done && !finished) {
                    itemState = ChecklistItem.IN_PROGRESS;
                }
                t = Math.min(horizon, t + step / 2 + random.nextLong(step));
                long modified = itemState.isEmpty() ? 0 : t;
                long due = !finished && itemState.isEmpty() && random.nextInt(4) == 0
                        ? now + (random.nextInt(72) - 12) * 3_600_000L : 0;
                items.add(new ChecklistItem(item.id(), item.title(), itemState, modified, assignee,
                        assignee.isEmpty() ? 0 : createAt, "", "", item.command(), 0, item.description(),
                        ChecklistItem.SKIPPED.equals(itemState) ? t : 0, due, List.of(), "", "", "",
                        Math.max(createAt, modified)));
                if (!itemState.isEmpty()) {
                    String actor = people.get(random.nextInt(people.size()));
                    boolean skip = ChecklistItem.SKIPPED.equals(itemState);
                    events.add(new TimelineEvent(state.ids().next(), run.id, t, 0, t,
                            TimelineEvent.TASK_STATE_MODIFIED, (skip ? "skipped" : "checked off")
                            + " checklist item **" + item.title() + "**", "{\"action\":\"" + (skip ? "skip" : "check")
                            + "\",\"task\":\"" + item.title().replace("\"", "\\\"") + "\"}", "", actor, actor));
                }
                index++;
            }
            checklists.add(Checklist.of(checklist.id(), checklist.title(), items, t));
        }
        run.checklists = checklists;
        int updates = finished ? 1 + random.nextInt(3) : random.nextInt(4);
        for (int k = 0; k < updates; k++) {
            long at = createAt + (horizon - createAt) * (k + 1) / (updates + 1);
            String message = SeedNames.STATUS_MESSAGES.get(random.nextInt(SeedNames.STATUS_MESSAGES.size()));
            Post post = statusPost(run, owner, message, at);
            run.statusPosts.add(new StatusPost(post.id(), at, 0));
            run.lastStatusUpdateAt = at;
            events.add(new TimelineEvent(state.ids().next(), run.id, at, 0, at, TimelineEvent.STATUS_UPDATED,
                    "", "", post.id(), owner.id(), ""));
        }
        if (finished) {
            run.currentStatus = PlaybookRun.STATUS_FINISHED;
            run.endAt = endAt;
            Post post = post(run, botId(), "@" + owner.username() + " marked " + BotPosts.link(run) + " as finished.",
                    "", endAt);
            events.add(new TimelineEvent(state.ids().next(), run.id, endAt, 0, endAt, TimelineEvent.RUN_FINISHED,
                    "", "", post.id(), owner.id(), ""));
            if (run.retrospectiveEnabled && random.nextInt(3) > 0) {
                long published = Math.min(now, endAt + DAY);
                run.retrospective = "## What went well\nFast detection and clear ownership.\n\n"
                        + "## What could be improved\nRunbook for " + run.name + " was outdated.";
                run.retrospectivePublishedAt = published;
                for (var metric : playbook.path("metrics")) {
                    long value = "metric_duration".equals(metric.path("type").asText())
                            ? 60_000L * (5 + random.nextInt(600)) : random.nextInt(5000);
                    run.metricsData.add(new RunMetricData(metric.path("id").asText(), value));
                }
                events.add(new TimelineEvent(state.ids().next(), run.id, published, 0, published,
                        TimelineEvent.PUBLISHED_RETROSPECTIVE, "", "", "", owner.id(), ""));
            }
        }
        run.updateAt = Math.max(horizon == now && !finished ? t : horizon, createAt);
        scheduleReminder(run, now);
    }

    /** The reminder due after the last update; if already due, it has fired, as it would have on a live server. */
    private void scheduleReminder(RunEntity run, long now) {
        // No reminder job exists until the first status update (reminder.go: only SetNewReminder schedules one).
        if (run.isFinished() || !run.statusUpdateEnabled || run.previousReminderNanos <= 0 || run.statusPosts.isEmpty()) {
            run.reminderDueAt = 0;
            return;
        }
        long last = run.lastStatusUpdateAt > 0 ? run.lastStatusUpdateAt : run.createAt;
        run.reminderDueAt = last + run.previousReminderNanos / 1_000_000;
        if (run.reminderDueAt <= now) {
            String owner = state.directory().user(run.ownerUserId).map(User::username).orElse("");
            String botId = state.directory().userByLogin(BOT_USERNAME).map(User::id).orElseThrow();
            Post reminder = post(run, botId, ReminderService.message(owner, run), "custom_update_status",
                    run.reminderDueAt);
            run.reminderPostId = reminder.id();
            run.reminderDueAt = 0;
        }
    }

    private String botId() {
        return state.directory().userByLogin(BOT_USERNAME).map(User::id).orElseThrow();
    }

    /** As {@code buildStatusUpdatePost} makes it: by the bot, the author only in {@code props.authorUsername}. */
    private Post statusPost(RunEntity run, User author, String message, long at) {
        ObjectNode props = StatusService.statusProps(run, author.username(), mapper);
        Post post = new Post(state.ids().next(), at, at, 0, 0, false, botId(), run.channelId, "", "", message,
                "custom_run_update", props, "", List.of(), "", 0, 0, List.of());
        state.directory().addPost(post);
        return post;
    }

    private Post post(RunEntity run, String userId, String message, String type, long at) {
        ObjectNode props = mapper.createObjectNode();
        if (!type.isEmpty()) {
            props.put("playbookRunId", run.id);
        }
        Post post = new Post(state.ids().next(), at, at, 0, 0, false, userId, run.channelId, "", "", message, type,
                props, "", List.of(), "", 0, 0, List.of());
        state.directory().addPost(post);
        return post;
    }

    private static String runName(SplittableRandom random, ObjectNode playbook) {
        String title = playbook.path("title").asText();
        List<String> names = switch (title) {
            case "Product Release" -> SeedNames.RELEASES;
            case "Customer Onboarding" -> SeedNames.CUSTOMERS;
            case "Bug Bash" -> SeedNames.BUG_BASHES;
            default -> SeedNames.INCIDENTS;
        };
        return names.get(random.nextInt(names.size()));
    }
}
