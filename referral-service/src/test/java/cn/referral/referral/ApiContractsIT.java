package cn.referral.referral;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** referral-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("referral-service");
    }
}
