package com.incidentconsole.playbook.library;

/**
 * A playbook-level JSON field and the type the server decodes it as: either one the export carries
 * ({@link PlaybookSetting}) or one it leaves out but import and push accept ({@link ImportOnlySetting}).
 */
public sealed interface SettingKey permits PlaybookSetting, ImportOnlySetting {

    String key();

    PlaybookSetting.Kind kind();
}
