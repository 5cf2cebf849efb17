package com.incidentconsole.wire;

/** Body of {@code POST /api/v4/users/login}; every value is a string on the wire, {@code token} is the MFA code. */
public record LoginRequest(String loginId, String password, String token, String deviceId) {

    public LoginRequest {
        loginId = Lists.text(loginId);
        password = Lists.text(password);
        token = Lists.text(token);
        deviceId = Lists.text(deviceId);
    }

    public static LoginRequest of(String loginId, String password) {
        return new LoginRequest(loginId, password, "", "");
    }

    /** Never print the password, even in a debugger's record view or a log line. */
    @Override
    public String toString() {
        return "LoginRequest[loginId=" + loginId + ", password=***]";
    }
}
