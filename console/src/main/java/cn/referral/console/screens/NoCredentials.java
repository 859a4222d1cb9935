package cn.referral.console.screens;

/** The session holds no token (it expired, or the OIDC provider refused a refresh): sign in again. */
class NoCredentials extends RuntimeException {

    NoCredentials() {
        super("no credentials in this session", null, false, false);
    }
}
