package cn.referral.billing.application.port.in;

import cn.referral.billing.domain.network.Alliance;
import cn.referral.billing.domain.network.Institution;
import cn.referral.platform.domain.AllianceId;
import cn.referral.platform.domain.InstitutionId;
import cn.referral.platform.mongo.LocalView;

/**
 * Keeping the local views of the registry's institutions and alliances (compacted topics): a snapshot or a
 * removal goes to its view as it is (the view keeps only a newer version; no other rule applies).
 */
public interface ReferenceDataUseCases {

    LocalView<Institution, InstitutionId> institutions();

    LocalView<Alliance, AllianceId> alliances();
}
