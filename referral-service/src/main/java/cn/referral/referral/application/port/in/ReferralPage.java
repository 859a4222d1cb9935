package cn.referral.referral.application.port.in;

import java.util.List;

import cn.referral.referral.domain.referral.Referral;

/** One page of search results: {@code total} matches in all, these starting at {@code offset}. */
public record ReferralPage(List<Referral> items, long total, int offset, int count) {

    public ReferralPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) offset + items.size() < total;
    }
}
