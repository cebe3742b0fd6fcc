<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-usage.ftl (how many of the school's people logged in to each service, per day of a week) -->
    <#if section = "header">
        ${msg("leeridSchoolUsage")}
    <#elseif section = "form">
        <#assign base = consoleUrl + school?url('UTF-8') + "/">
        <p id="leerid-school-usage-help">${msg("leeridSchoolUsageHelp", school)}</p>
        <#if usageRows?has_content>
            <div id="leerid-school-usage-region" role="region" aria-labelledby="leerid-school-usage-caption" tabindex="0" style="overflow-x: auto">
                <table id="leerid-school-usage" class="pf-v5-c-table pf-m-compact">
                    <caption id="leerid-school-usage-caption">${msg("leeridSchoolUsageCaption", usageDays?first, usageDays?last)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">${msg("leeridSchoolUsageService")}</th>
                            <#list usageDays as day><th scope="col" data-day="${day}">${usageDayLabels[day?index]}</th></#list>
                        </tr>
                    </thead>
                    <tbody>
                        <#list usageRows as row>
                            <tr>
                                <th scope="row">${advancedMsg(row.service())}</th>
                                <#list row.people() as people><td>${people?c}</td></#list>
                            </tr>
                        </#list>
                    </tbody>
                </table>
            </div>
        <#else>
            <p id="leerid-school-no-usage">${msg("leeridSchoolNoUsage", usageDays?first, usageDays?last)}</p>
        </#if>
        <p>
            <a id="leerid-school-usage-earlier" href="${base}usage?until=${earlier}">${msg("leeridSchoolUsageEarlier")}</a>
            <#if later?has_content> · <a id="leerid-school-usage-later" href="${base}usage?until=${later}">${msg("leeridSchoolUsageLater")}</a></#if>
        </p>
        <p><a id="leerid-school-back" href="${base}">${msg("leeridSchoolBack")}</a></p>
    </#if>
</@layout.registrationLayout>
