package cn.referral.billing.adapter.in.web;

/** The {@code {region}} path variable: a GB/T 2260 code, checked before anything else reads it. */
final class RegionPath {

    static final String PATTERN = "\\d{6}";
    static final String MESSAGE = "must be a six-digit GB/T 2260 region code";

    private RegionPath() {
    }
}
