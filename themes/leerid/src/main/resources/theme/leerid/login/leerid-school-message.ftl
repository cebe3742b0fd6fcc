<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-message.ftl (the school console's one-message pages) -->
    <#if section = "header">
        LeerID
    <#elseif section = "form">
        <p id="leerid-school-message">${msg(messageKey)}</p>
        <#if formToken??>
            <p><a id="leerid-school-back" href="${consoleUrl}">${msg("leeridSchoolBack")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
