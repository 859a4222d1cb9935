package cn.referral.referral.application;

import java.util.Set;

import cn.referral.referral.domain.referral.Action;
import cn.referral.referral.domain.referral.IllegalTransition;
import cn.referral.referral.domain.referral.ReferralState;

/** An illegal transition, with what the caller could do instead. */
public class ActionNotAllowed extends RuntimeException {

    private final ReferralState state;
    private final Set<Action> allowedActions;
    private final String code;

    public ActionNotAllowed(IllegalTransition cause, Set<Action> allowedActions) {
        super(cause.getMessage(), cause);
        this.state = cause.state();
        this.allowedActions = Set.copyOf(allowedActions);
        this.code = cause.code();
    }

    public ReferralState state() {
        return state;
    }

    public Set<Action> allowedActions() {
        return allowedActions;
    }

    public String code() {
        return code;
    }
}
