<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-reference.ftl (what a reference code from an error page stands for) -->
    <#if section = "header">
        ${msg("leeridSchoolReferenceTitle")}
    <#elseif section = "form">
        <#if reference??>
            <dl id="leerid-school-reference" class="leerid-school-reference">
                <dt>${msg("leeridSchoolReferenceCode")}</dt><dd>${reference}</dd>
                <dt>${msg("leeridSchoolReferenceReason")}</dt><dd id="leerid-school-reference-reason">${msg(reasonKey)}</dd>
                <dt>${msg("leeridSchoolReferencePerson")}</dt><dd id="leerid-school-reference-person">${person.givenName()!""} ${person.familyName()!""} (${person.username()}), ${msg(person.statusKey())}</dd>
                <#if service?has_content><dt>${msg("leeridSchoolReferenceService")}</dt><dd>${service}</dd></#if>
                <dt>${msg("leeridSchoolReferenceWhen")}</dt><dd>${when}</dd>
            </dl>
        <#else>
            <p id="leerid-school-reference-unknown">${msg("leeridSchoolReferenceUnknown")}</p>
        </#if>
        <p><a id="leerid-school-back" href="${consoleUrl}${school?url('UTF-8')}/">${msg("leeridSchoolBack")}</a></p>
    </#if>
</@layout.registrationLayout>
