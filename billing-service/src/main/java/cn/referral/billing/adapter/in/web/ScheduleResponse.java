package cn.referral.billing.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.referral.billing.domain.region.DeductibleSchedule;

record ScheduleResponse(String region, String scheme, int year, Map<String, Map<String, Long>> deductibleFen,
                        List<String> careTypesWithoutDeductible, String note, long version) {

    static ScheduleResponse of(DeductibleSchedule schedule) {
        Map<String, Map<String, Long>> amounts = new LinkedHashMap<>();
        schedule.deductibles().forEach((careType, byLevel) -> {
            Map<String, Long> levels = new LinkedHashMap<>();
            byLevel.forEach((level, fen) -> levels.put(level.name(), fen.value()));
            amounts.put(careType.name(), levels);
        });
        return new ScheduleResponse(schedule.region().value(), schedule.scheme().name(), schedule.year(), amounts,
                schedule.careTypesWithoutDeductible().stream().map(Enum::name).toList(), schedule.note(),
                schedule.version());
    }
}
