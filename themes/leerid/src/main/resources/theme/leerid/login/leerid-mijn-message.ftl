<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-mijn-message.ftl (Mijn LeerID's one-message pages) -->
    <#if section = "header">
        ${msg("leeridMijnTitle")}
    <#elseif section = "form">
        <p id="leerid-mijn-message">${msg(messageKey)}</p>
        <p><a id="leerid-mijn-back" href="${mijnUrl}">${msg("leeridMijnBack")}</a></p>
    </#if>
</@layout.registrationLayout>
