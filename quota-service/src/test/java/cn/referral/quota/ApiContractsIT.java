package cn.referral.quota;

import cn.referral.platform.testing.ServiceApiContractsCheck;
import cn.referral.platform.testing.ServiceIntegrationTest;

/** quota-service's OpenAPI and AsyncAPI contracts, checked as {@link ServiceApiContractsCheck} describes. */
@ServiceIntegrationTest
class ApiContractsIT extends ServiceApiContractsCheck {

    ApiContractsIT() {
        super("quota-service");
    }
}
