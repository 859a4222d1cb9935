package cn.referral.console.signin;

/** Who is signed in and the token the console calls the gateway with on their behalf. */
public record Credentials(ConsoleUser user, String token) {

    @Override
    public String toString() {
        return "Credentials[" + user.subject() + "]";
    }
}
