package cn.referral.referral.application.port.out;

import cn.referral.platform.domain.InstitutionId;
import cn.referral.referral.application.port.in.ReferralPage;
import cn.referral.referral.application.port.in.ReferralSearch;
import reactor.core.publisher.Mono;

/** Searches the stored referrals, within what one caller may see. */
public interface ReferralFinder {

    /**
     * Referrals matching {@code search} and {@code visibility}, oldest submission first (then by id),
     * with the count of all matches.
     */
    Mono<ReferralPage> search(ReferralSearch search, Visibility visibility);

    /**
     * Which referrals a caller may see (DESIGN §5): all of them, those sent to one institution (a
     * desk), or those sent from or to it (its doctors).
     */
    record Visibility(Scope scope, InstitutionId institutionId) {

        public enum Scope { ALL, TARGET, SOURCE_OR_TARGET }

        public static Visibility all() {
            return new Visibility(Scope.ALL, null);
        }
    }
}
