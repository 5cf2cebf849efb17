package com.incidentconsole.wire;

import java.util.List;

/** A playbook member with roles {@code playbook_member} and/or {@code playbook_admin}. */
public record PlaybookMember(String userId, List<String> roles, List<String> schemeRoles) {

    public static final String ROLE_MEMBER = "playbook_member";
    public static final String ROLE_ADMIN = "playbook_admin";

    public PlaybookMember {
        userId = Lists.text(userId);
        roles = Lists.of(roles);
        schemeRoles = Lists.of(schemeRoles);
    }
}
