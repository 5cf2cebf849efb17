package com.incidentconsole.sandbox.graphql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentconsole.sandbox.state.RunEntity;

/**
 * A {@code Run} being resolved: its REST JSON, the entity for the computed fields, and whether it came
 * from {@code runs}, whose store query skips timeline events ({@code SkipExtras}), which changes
 * {@code lastUpdatedAt} ({@code graphql_run.go} {@code LastUpdatedAt}).
 */
record RunNode(ObjectNode json, RunEntity run, boolean listed) {
}
