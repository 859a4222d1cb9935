package cn.referral.referral.adapter.in.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.referral.platform.security.Caller;
import cn.referral.platform.web.ProblemException;
import cn.referral.referral.adapter.in.web.ReferralResponses.ReferralSummary;
import cn.referral.referral.adapter.in.web.ReferralResponses.WorklistResponse;
import cn.referral.referral.application.port.in.ReferralUseCases;
import cn.referral.referral.application.port.in.WorklistQuery;
import cn.referral.referral.domain.referral.ReferralState;
import cn.referral.referral.domain.referral.Urgency;
import reactor.core.publisher.Mono;

/**
 * The desk's and the doctor's daily views: referrals sent to their institution and those it sent,
 * most urgent first (EMERGENCY, then URGENT, then ROUTINE), oldest first within an urgency; the family
 * doctor's list of contracted patients referred elsewhere; the hospital's pending down-referrals.
 */
@RestController
class WorklistController {

    private static final int MAX_PAGE_SIZE = 100;
    /** How deep a worklist may be paged: page × size (a skip beyond this is refused, never wrapped round). */
    static final long MAX_OFFSET = 10_000;

    private final ReferralUseCases referrals;

    WorklistController(ReferralUseCases referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/worklists/incoming")
    Mono<WorklistResponse> incoming(@RequestParam(name = "state", required = false) List<ReferralState> states,
                                    @RequestParam(name = "urgency", required = false) List<Urgency> urgencies,
                                    @RequestParam(name = "page", defaultValue = "0") int page,
                                    @RequestParam(name = "size", defaultValue = "20") int size, Caller caller) {
        return worklist(WorklistQuery.Side.INCOMING, states, urgencies, page, size, caller);
    }

    @GetMapping("/worklists/outgoing")
    Mono<WorklistResponse> outgoing(@RequestParam(name = "state", required = false) List<ReferralState> states,
                                    @RequestParam(name = "urgency", required = false) List<Urgency> urgencies,
                                    @RequestParam(name = "page", defaultValue = "0") int page,
                                    @RequestParam(name = "size", defaultValue = "20") int size, Caller caller) {
        return worklist(WorklistQuery.Side.OUTGOING, states, urgencies, page, size, caller);
    }

    /**
     * The family doctor follows the patient (seed 002: 跟踪转诊患者治疗过程，做好接续服务): referrals other
     * institutions made for patients contracted with the caller's primary institution. Audited per item.
     */
    @GetMapping("/worklists/contracted")
    Mono<WorklistResponse> contracted(@RequestParam(name = "state", required = false) List<ReferralState> states,
                                      @RequestParam(name = "page", defaultValue = "0") int page,
                                      @RequestParam(name = "size", defaultValue = "20") int size, Caller caller) {
        return worklist(WorklistQuery.Side.CONTRACTED, states, null, page, size, caller);
    }

    /** Up-referrals the hospital completed with a recommendation to go back down and no down-referral yet. */
    @GetMapping("/worklists/down-referrals-due")
    Mono<WorklistResponse> downReferralsDue(@RequestParam(name = "page", defaultValue = "0") int page,
                                            @RequestParam(name = "size", defaultValue = "20") int size,
                                            Caller caller) {
        return worklist(WorklistQuery.Side.DOWN_REFERRAL_DUE, null, null, page, size, caller);
    }

    private Mono<WorklistResponse> worklist(WorklistQuery.Side side, List<ReferralState> states,
                                            List<Urgency> urgencies, int page, int size, Caller caller) {
        if (page < 0) {
            return Mono.error(ProblemException.invalidField("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            return Mono.error(ProblemException.invalidField("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if ((long) page * size >= MAX_OFFSET) {
            return Mono.error(ProblemException.invalidField("page", "page × size must stay below " + MAX_OFFSET
                    + " (at most page " + (MAX_OFFSET - 1) / size + " at size " + size + "); narrow the filters"));
        }
        WorklistQuery query = new WorklistQuery(side, enums(states, ReferralState.class), enums(urgencies, Urgency.class),
                page, size);
        return referrals.worklist(query, caller).map(found -> new WorklistResponse(
                found.items().stream().map(ReferralSummary::of).toList(), found.total(), found.page(), found.size()));
    }

    private static <E extends Enum<E>> Set<E> enums(List<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }
}
