package com.incidentconsole.sandbox.seed;

import java.util.List;

/** Word lists the seed draws from; fixed order so that a seed always yields the same data. */
final class SeedNames {

    static final String[][] PEOPLE = {
        {"Alex", "Rivera"}, {"Priya", "Natarajan"}, {"Jonas", "Becker"}, {"Maya", "Chen"}, {"Samuel", "Okafor"},
        {"Lena", "Hoffmann"}, {"Diego", "Alvarez"}, {"Hannah", "Kowalski"}, {"Tom", "Nguyen"}, {"Fatima", "Haddad"},
        {"Oliver", "Brooks"}, {"Ines", "Moreau"}, {"Kenji", "Watanabe"}, {"Sara", "Lindqvist"}, {"Marcus", "Reed"},
        {"Aisha", "Bello"}, {"Noah", "Fischer"}, {"Chloe", "Martin"}, {"Ravi", "Kapoor"}, {"Elena", "Petrova"},
        {"Lucas", "Silva"}, {"Grace", "O'Neill"}, {"Yusuf", "Demir"}, {"Nora", "Jensen"}, {"Ben", "Adler"}};

    static final String[][] TEAMS = {
        {"platform", "Platform Engineering"}, {"payments", "Payments"}, {"customer-success", "Customer Success"}};

    static final List<String> INCIDENTS = List.of("Checkout latency spike", "EU payments 502s",
            "Login failures on mobile", "Search index lagging", "Database replica drift", "CDN cache poisoning",
            "Webhook delivery backlog", "Kafka consumer lag", "Expired TLS certificate on api", "Billing job stuck",
            "Elevated 5xx on gateway", "Disk pressure on db-primary", "Session store evictions",
            "Slow dashboard queries", "Card authorisations timing out", "Email bounces spike",
            "Suspicious admin logins", "Leaked API key in repo", "DNS resolution failures", "Memory leak in worker",
            "Queue depth alarm", "Partial outage in us-east", "Push notifications delayed",
            "Data export corrupted", "Rate limiter misconfigured", "Feature flag rollback", "SSO provider outage",
            "Payment reconciliation mismatch", "Thumbnail service crashloop", "Inventory sync failing");

    static final List<String> RELEASES = List.of("Release v4.2", "Release v4.3", "Mobile app 2.18", "Release v5.0",
            "API v3 launch", "Hotfix v4.2.1");

    static final List<String> CUSTOMERS = List.of("Acme Corp onboarding", "Globex rollout", "Initech go-live",
            "Umbrella Health pilot", "Stark Logistics migration", "Wayne Finance onboarding");

    static final List<String> BUG_BASHES = List.of("Bug Bash v4.3", "Bug Bash mobile 2.18", "Bug Bash v5.0 beta");

    static final List<String> STATUS_MESSAGES = List.of(
            "Investigating. Error rates are elevated; on-call is looking at recent deploys.",
            "Mitigation in progress: traffic shifted to the secondary region.",
            "Root cause identified (bad config push). Rolling back now.",
            "Rollback complete, error rates back to baseline. Monitoring for 30 minutes.",
            "Customer support has been briefed; status page updated.",
            "No change since last update; vendor ticket escalated.",
            "Fix deployed to canary, looking good so far.");

    private SeedNames() {
    }
}
