package cn.referral.registry.domain.institution;

/** What kind of institution it is (机构类别). */
public enum InstitutionKind {
    /** 综合医院 */
    GENERAL_HOSPITAL,
    /** 中医院 */
    TCM_HOSPITAL,
    /** 中西医结合医院 */
    INTEGRATED_TCM_WESTERN_HOSPITAL,
    /** 专科医院 */
    SPECIALTY_HOSPITAL,
    /** 妇幼保健院 */
    MATERNAL_CHILD_HEALTH,
    /** 社区卫生服务中心 */
    COMMUNITY_HEALTH_CENTRE,
    /** 社区卫生服务站 */
    COMMUNITY_HEALTH_STATION,
    /** 乡镇卫生院 */
    TOWNSHIP_HEALTH_CENTRE,
    /** 村卫生室 */
    VILLAGE_CLINIC,
    /** 康复医院 */
    REHABILITATION,
    /** 护理院 */
    NURSING
}
