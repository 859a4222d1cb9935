package cn.referral.systemtests;

import cn.referral.systemtests.support.EmbeddedInfrastructure;
import cn.referral.systemtests.support.Infrastructure;

/** The walking skeleton on an embedded KRaft broker and the MongoDB stand-in (no Docker needed). */
class WalkingSkeletonIT extends WalkingSkeletonScenarios {

    @Override
    protected Infrastructure startInfrastructure() {
        return EmbeddedInfrastructure.start();
    }
}
