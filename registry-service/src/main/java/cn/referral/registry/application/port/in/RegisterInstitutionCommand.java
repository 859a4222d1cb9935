package cn.referral.registry.application.port.in;

import java.util.List;

import cn.referral.registry.domain.InstitutionKind;
import cn.referral.registry.domain.InstitutionLevel;
import cn.referral.registry.domain.RegionCode;

public record RegisterInstitutionCommand(String name, String organisationCode, InstitutionLevel level,
                                         InstitutionKind kind, RegionCode region, List<String> departments,
                                         String gridArea) {
}
