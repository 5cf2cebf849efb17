package com.incidentconsole.playbook.library.validate;

/** ERROR: the server would reject the playbook (or our tooling cannot handle it). WARNING: likely a mistake. */
public enum Severity { ERROR, WARNING }
