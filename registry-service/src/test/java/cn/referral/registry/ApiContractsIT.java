package cn.referral.registry;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** registry-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("registry-service");
    }
}
