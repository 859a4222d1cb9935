package cn.referral.billing;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** billing-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("billing-service");
    }
}
