<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-choose.ftl (a staff member who manages several schools picks one) -->
    <#if section = "header">
        ${msg("leeridSchoolChoose")}
    <#elseif section = "form">
        <p>${msg("leeridSchoolLoggedInAs", callerName)}</p>
        <ul id="leerid-schools">
            <#list schools as school>
                <li><a href="${consoleUrl}${school?url('UTF-8')}/">${msg("leeridSchoolTitle", school)}</a></li>
            </#list>
        </ul>
    </#if>
</@layout.registrationLayout>
