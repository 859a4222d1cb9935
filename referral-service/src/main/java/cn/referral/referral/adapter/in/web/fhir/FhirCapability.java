package cn.referral.referral.adapter.in.web.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * What the view serves, exactly: five resource types read by id, two of them searchable with the
 * parameters {@link FhirSearchParameters} accepts. Nothing here is writable.
 */
final class FhirCapability {

    /** The day this statement last changed (FHIR requires a date; it is not the build time). */
    static final String PUBLISHED = "2026-11-25";

    private FhirCapability() {
    }

    static CapabilityStatement statement(String baseUrl) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setId("referral-service");
        statement.setName("TwoWayReferralFhirView");
        statement.setTitle("双向转诊 FHIR R4 read-only view");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(PUBLISHED));
        statement.setPublisher("two-way referral platform");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("referral-service");
        statement.getImplementation().setDescription("Referrals of the two-way referral platform, read-only")
                .setUrl(baseUrl);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Bearer JWT required; the same object-level access and audit as the JSON API. "
                        + "Searches page with _count (1-100, default 20) and follow Bundle.link 'next'.");
        rest.getSecurity().setDescription("OAuth2 bearer token (JWT): roles and institution decide what is visible; "
                + "a referral of another institution is not found");
        ServiceRequestSearch.params(resource(rest, "ServiceRequest", true));
        TaskSearch.params(resource(rest, "Task", true));
        resource(rest, "Patient", false);
        resource(rest, "Organization", false);
        resource(rest, "Appointment", false);
        return statement;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type, boolean searchable) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        resource.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        if (searchable) {
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        }
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
        resource.setReadHistory(false);
        resource.setUpdateCreate(false);
        return resource;
    }

    private static void param(CapabilityStatementRestResourceComponent resource, String name,
                              Enumerations.SearchParamType type, String definition, String documentation) {
        resource.addSearchParam().setName(name).setType(type)
                .setDefinition("http://hl7.org/fhir/SearchParameter/" + definition).setDocumentation(documentation);
    }

    private static final class ServiceRequestSearch {
        static void params(CapabilityStatementRestResourceComponent resource) {
            param(resource, "requester", Enumerations.SearchParamType.REFERENCE, "ServiceRequest-requester",
                    "Organization/{id}: the referring institution");
            param(resource, "performer", Enumerations.SearchParamType.REFERENCE, "ServiceRequest-performer",
                    "Organization/{id}: the receiving institution");
            param(resource, "status", Enumerations.SearchParamType.TOKEN, "ServiceRequest-status",
                    "active | completed | revoked (comma-separated codes are ORed)");
            param(resource, "patient", Enumerations.SearchParamType.REFERENCE, "clinical-patient",
                    "Patient/{pseudonym}");
        }
    }

    private static final class TaskSearch {
        static void params(CapabilityStatementRestResourceComponent resource) {
            param(resource, "focus", Enumerations.SearchParamType.REFERENCE, "Task-focus",
                    "ServiceRequest/{id}: the referral's task");
            param(resource, "owner", Enumerations.SearchParamType.REFERENCE, "Task-owner",
                    "Organization/{id}: the receiving institution (a desk's worklist)");
            param(resource, "status", Enumerations.SearchParamType.TOKEN, "Task-status",
                    "requested | accepted | rejected | in-progress | completed | cancelled | failed");
        }
    }

    static List<String> resourceTypes() {
        return List.of("ServiceRequest", "Task", "Patient", "Organization", "Appointment");
    }
}
