package cn.referral.quota.domain.policy;

import cn.referral.quota.domain.pool.HoldRequest;

/**
 * Whom a region's reserve serves. Chosen per region ({@code quota.region-policies}); a region
 * without a setting serves any referral, as seed 002 says. A region carries only the sentence of its
 * own seed.
 */
public sealed interface ReservePolicy permits ReservePolicy.AnyReferral, ReservePolicy.ContractedFirst {

    /** Whether the referral belongs to the group the reserve serves first. */
    boolean servesFirst(HoldRequest request);

    /** How many reserved units referrals outside that group may hold at most; null when unlimited. */
    Integer openLimit(int reserved);

    /** The seed sentence the policy rests on. */
    String basis();

    /**
     * Whether 签约 (contracted) ROUTINE referrals wait ahead of other ROUTINE ones ({@link WaitlistOrder}):
     * only where the region's seed says contracted patients go first (001); elsewhere first come, first
     * served within an urgency.
     */
    boolean favoursContracted();

    /**
     * Seed 002: "总医院牵头医院和片区诊疗中心在专家号源、住院床位和预约检查等方面预留20%以上的资源优先保障患者转诊。"
     * Every referral may use the whole reserve.
     */
    record AnyReferral() implements ReservePolicy {

        public static final String BASIS = "002: 总医院牵头医院和片区诊疗中心在专家号源、住院床位和预约检查等方面预留20%以上的资源优先保障患者转诊。";

        @Override
        public boolean servesFirst(HoldRequest request) {
            return true;
        }

        @Override
        public Integer openLimit(int reserved) {
            return null;
        }

        @Override
        public boolean favoursContracted() {
            return false;
        }

        @Override
        public String basis() {
            return BASIS;
        }
    }

    /**
     * Seed 001: "上级医院应确定专人与下级医疗卫生机构对口联系,并通过预留20%以上的号源、开通绿色通道等方式,
     * 对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务。" The reserve serves contracted patients
     * referred by a doctor of their contracted primary institution first; other referrals may hold at
     * most {@code openPercent}% of it (rounded down), a share the region sets: the seed does not say one.
     */
    record ContractedFirst(int openPercent) implements ReservePolicy {

        public static final String BASIS = "001: 上级医院应确定专人与下级医疗卫生机构对口联系,并通过预留20%以上的号源、开通绿色通道等方式,"
                + "对经基层医生转诊的签约患者提供优先接诊、优先检查、优先住院等服务。";

        public ContractedFirst {
            if (openPercent < 0 || openPercent > 100) {
                throw new IllegalArgumentException("openPercent must be 0..100, not " + openPercent);
            }
        }

        @Override
        public boolean servesFirst(HoldRequest request) {
            return request.referredByContractedPrimary();
        }

        @Override
        public Integer openLimit(int reserved) {
            // integer floor of reserved × openPercent / 100
            return reserved * openPercent / 100;
        }

        @Override
        public boolean favoursContracted() {
            return true;
        }

        @Override
        public String basis() {
            return BASIS;
        }
    }
}
