package com.incidentconsole.playbook.library;

import java.util.Arrays;
import java.util.Optional;

/**
 * Playbook fields a process owner sets that the server's export leaves out ({@code export:"-"} in
 * server/app/playbook.go) because they name server objects: who is invited, the default owner, where status
 * updates are broadcast, webhooks. Import decodes the file as a whole Playbook, so it accepts them, and push lays
 * the file's top-level fields over the server's playbook, so a file may carry them.
 *
 * <p>Unlike an exported field, an absent key does not mean "zero": the export cannot say, so absent means "not
 * set in this file" — a push keeps the server's value and an import uses the server's default. That is why
 * {@link PlaybookFile#with} always writes these keys, also {@code false} or empty, and why they can be removed.
 */
public enum ImportOnlySetting implements SettingKey {
    /** Run channels are created public (the webapp's "channel access"). */
    CREATE_PUBLIC_PLAYBOOK_RUN("create_public_playbook_run", PlaybookSetting.Kind.BOOLEAN),
    INVITE_USERS_ENABLED("invite_users_enabled", PlaybookSetting.Kind.BOOLEAN),
    INVITED_USER_IDS("invited_user_ids", PlaybookSetting.Kind.STRING_LIST),
    INVITED_GROUP_IDS("invited_group_ids", PlaybookSetting.Kind.STRING_LIST),
    DEFAULT_OWNER_ENABLED("default_owner_enabled", PlaybookSetting.Kind.BOOLEAN),
    DEFAULT_OWNER_ID("default_owner_id", PlaybookSetting.Kind.STRING),
    /** Deprecated on the server but still what turns broadcasting on for new runs. */
    BROADCAST_ENABLED("broadcast_enabled", PlaybookSetting.Kind.BOOLEAN),
    BROADCAST_CHANNEL_IDS("broadcast_channel_ids", PlaybookSetting.Kind.STRING_LIST),
    WEBHOOK_ON_CREATION_ENABLED("webhook_on_creation_enabled", PlaybookSetting.Kind.BOOLEAN),
    WEBHOOK_ON_CREATION_URLS("webhook_on_creation_urls", PlaybookSetting.Kind.STRING_LIST),
    WEBHOOK_ON_STATUS_UPDATE_ENABLED("webhook_on_status_update_enabled", PlaybookSetting.Kind.BOOLEAN),
    WEBHOOK_ON_STATUS_UPDATE_URLS("webhook_on_status_update_urls", PlaybookSetting.Kind.STRING_LIST);

    private final String key;
    private final PlaybookSetting.Kind kind;

    ImportOnlySetting(String key, PlaybookSetting.Kind kind) {
        this.key = key;
        this.kind = kind;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public PlaybookSetting.Kind kind() {
        return kind;
    }

    public static Optional<ImportOnlySetting> forKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
