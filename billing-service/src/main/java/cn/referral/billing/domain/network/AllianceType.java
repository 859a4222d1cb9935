package cn.referral.billing.domain.network;

/** Kinds of 医联体; a region policy says which of them count for a rule. */
public enum AllianceType {
    /** 城市医疗集团 */
    URBAN_MEDICAL_GROUP,
    /** 县域医共体 */
    COUNTY_MEDICAL_COMMUNITY,
    /** 专科联盟 */
    SPECIALTY_ALLIANCE,
    /** 远程医疗协作网 */
    TELEMEDICINE_NETWORK
}
