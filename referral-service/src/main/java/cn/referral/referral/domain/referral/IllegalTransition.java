package cn.referral.referral.domain.referral;

/** The referral's state does not allow the action (e.g. accepting a cancelled referral). */
public class IllegalTransition extends RuntimeException {

    private final Action action;
    private final ReferralState state;

    public IllegalTransition(Action action, ReferralState state, String detail) {
        super("Cannot " + action.name().toLowerCase().replace('_', ' ') + " a referral that is " + state
                + (detail == null ? "" : ": " + detail));
        this.action = action;
        this.state = state;
    }

    public String code() {
        return "illegal-transition";
    }

    public Action action() {
        return action;
    }

    public ReferralState state() {
        return state;
    }
}
