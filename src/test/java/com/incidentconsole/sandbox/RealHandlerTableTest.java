package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every sandbox route names the real handler it imitates, in one place: {@code real-handlers.txt}
 * next to the router. A route without a row, a row without a route, a duplicate, an unsorted row or
 * a row that does not name a file and function fails here.
 */
@BesideOtherTests
class RealHandlerTableTest {

    static final String TABLE = "/com/incidentconsole/sandbox/http/real-handlers.txt";
    /** Plugin rows cite {@code server/...go:Function} at the pinned commit; core rows {@code core:server/...go:Function}. */
    private static final Pattern HANDLER = Pattern.compile(
            "(core:)?server/[a-z0-9_/]+\\.go:(\\(\\*[A-Za-z]+\\)\\.)?[A-Za-z0-9]+(\\+[A-Za-z0-9().*]+)*");

    @RegisterExtension
    static final SandboxFixture SANDBOX = SandboxFixture.start(SandboxFixture.small());

    @Test
    void everyRouteHasExactlyOneRowAndEveryRowARoute() throws Exception {
        Map<String, String> rows = rows();
        Set<String> routes = new TreeSet<>(SANDBOX.server().routeKeys());
        assertEquals(SANDBOX.server().routeKeys().size(), routes.size(), "a route is registered twice");
        List<String> withoutRow = routes.stream().filter(r -> !rows.containsKey(r)).toList();
        List<String> withoutRoute = rows.keySet().stream().filter(r -> !routes.contains(r)).toList();
        assertTrue(withoutRow.isEmpty(), "routes with no row in " + TABLE + ":\n  " + String.join("\n  ", withoutRow));
        assertTrue(withoutRoute.isEmpty(), "rows with no route:\n  " + String.join("\n  ", withoutRoute));
    }

    @Test
    void rowsAreSortedWellFormedAndCiteAFileAndFunction() throws Exception {
        List<String> order = new ArrayList<>();
        Map<String, String> rows = rows(order);
        List<String> sorted = new ArrayList<>(order);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, order, "keep rows sorted (by path, then method) so parallel additions do not collide");
        rows.forEach((key, handler) -> {
            boolean plugin = key.contains(" /plugins/playbooks/api/v0");
            assertTrue(HANDLER.matcher(handler).matches(), key + ": not a file:function citation: " + handler);
            assertEquals(!plugin, handler.startsWith("core:"), key + ": core routes cite core:..., plugin ones server/...");
        });
    }

    static Map<String, String> rows() throws Exception {
        return rows(new ArrayList<>());
    }

    /**
     * Rows are written {@code PATH METHOD HANDLER}, so that they sort by path; the keys returned are
     * {@code METHOD /path} like the router's. {@code order} receives {@code PATH METHOD} in file order.
     */
    static Map<String, String> rows(List<String> order) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = RealHandlerTableTest.class.getResourceAsStream(TABLE)) {
            assertNotNull(in, TABLE + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                assertEquals(3, f.length, "row needs PATH METHOD HANDLER: " + line);
                order.add(f[0] + " " + f[1]);
                assertTrue(rows.put(f[1] + " " + f[0], f[2]) == null, "duplicate row: " + line);
            }
        }
        return rows;
    }
}
