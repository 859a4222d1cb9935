package cn.referral.systemtests;

import org.testcontainers.junit.jupiter.Testcontainers;

import cn.referral.systemtests.support.ContainerInfrastructure;
import cn.referral.systemtests.support.Infrastructure;

/** The same scenarios on real Kafka and a real MongoDB replica set, wherever Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
class WalkingSkeletonContainersIT extends WalkingSkeletonScenarios {

    @Override
    protected Infrastructure startInfrastructure() {
        return ContainerInfrastructure.start();
    }
}
