package cn.referral.registry.domain.policy;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.referral.platform.domain.AllianceId;
import cn.referral.registry.domain.RegistryRuleViolation;
import cn.referral.registry.domain.alliance.Alliance;

/**
 * A 片区 grid cell is the responsibility of one urban medical group or county community.
 * <p>
 * Seed 004 (医疗联合体管理办法) 第十条: "原则上，每个网格由一个医疗集团或者医共体负责，为网格内居民提供疾病预防、诊断、治疗、
 * 营养、康复、护理、健康管理等一体化、连续性医疗卫生服务。" Seed 003 二(一)1: "将浙南产业集聚区、鹿城区、龙湾区、瓯海区划分为若干个网格
 * ……组建 5 个医联体。网格内相关区级医院、乡镇卫生院（社区卫生服务中心）、村卫生室（社区卫生服务站）纳入医联体统一管理。"
 * <p>
 * Institutions themselves may belong to several alliances (specialty alliances, telemedicine networks;
 * "三级医院……可以跨网格提供服务"): the rule is about the cells.
 */
public final class OneAlliancePerGridCell {

    private OneAlliancePerGridCell() {
    }

    /** Fails with {@code grid-cell-taken} if another active alliance is responsible for one of the candidate's cells. */
    public static void check(Alliance candidate, Collection<Alliance> others) {
        Set<String> claimed = Set.copyOf(candidate.claimedGridCells());
        if (claimed.isEmpty()) {
            return;
        }
        for (Alliance other : others) {
            if (other.id().equals(candidate.id())) {
                continue;
            }
            List<String> taken = other.claimedGridCells().stream().filter(claimed::contains).sorted().toList();
            if (!taken.isEmpty()) {
                throw taken(taken, other.id(), other.name());
            }
        }
    }

    /** The violation, also when the database's unique index catches a concurrent claim. */
    public static RegistryRuleViolation taken(List<String> cells, AllianceId allianceId, String allianceName) {
        String holder = allianceId == null ? "another alliance" : allianceName + " (" + allianceId + ")";
        return new RegistryRuleViolation("grid-cell-taken", "grids",
                "每个网格由一个医疗集团或者医共体负责: 片区 " + String.join(", ", cells) + " already belong to " + holder);
    }
}
