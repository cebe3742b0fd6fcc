<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school-badges.ftl (a school's QR badges: grades and networks, printing per class or grade) -->
    <#if section = "header">
        ${msg("leeridSchoolBadges")}
    <#elseif section = "form">
        <#assign base = consoleUrl + school?url('UTF-8') + "/">
        <p id="leerid-school-badges-help">${msg("leeridSchoolBadgesHelp")}</p>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolBadgeSettings")}</h2>
        <#if manages>
            <form id="leerid-school-badge-settings" class="${properties.kcFormClass!}" action="${base}badges/settings" method="post">
                <input type="hidden" name="form_token" value="${formToken}">
                <#if problemLine gte 0>
                    <p id="leerid-school-badge-problem" class="pf-v5-c-helper-text pf-m-error" role="alert"><#if problemLine == 0>${msg("leeridSchoolBadgeGradesInvalid")}<#else>${msg("leeridSchoolBadgeNetworksInvalid", problemLine?c)}</#if></p>
                </#if>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="badge-grades" class="pf-v5-c-form__label">${msg("leeridSchoolBadgeGrades")}</label>
                    <input id="badge-grades" name="grades" type="text" class="pf-v5-c-form-control" value="${badgeGrades}" aria-describedby="badge-grades-help">
                    <p id="badge-grades-help" class="pf-v5-c-helper-text">${msg("leeridSchoolBadgeGradesHelp")}</p>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="badge-networks" class="pf-v5-c-form__label">${msg("leeridSchoolBadgeNetworks")}</label>
                    <textarea id="badge-networks" name="networks" rows="4" class="pf-v5-c-form-control" aria-describedby="badge-networks-help"<#if problemLine gt 0> aria-invalid="true"</#if>>${badgeNetworks}</textarea>
                    <p id="badge-networks-help" class="pf-v5-c-helper-text">${msg("leeridSchoolBadgeNetworksHelp")}</p>
                </div>
                <button id="leerid-school-badge-settings-submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("leeridSchoolBadgeSettingsSubmit")}</button>
            </form>
        <#else>
            <p id="leerid-school-badge-grades">${msg("leeridSchoolBadgeGrades")}: ${badgeGrades}</p>
            <p id="leerid-school-badge-networks">${msg("leeridSchoolBadgeNetworks")}: <#if badgeNetworks?has_content>${badgeNetworks}<#else>${msg("leeridSchoolBadgeAnywhere")}</#if></p>
        </#if>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolBadgePrint")}</h2>
        <form id="leerid-school-badge-print" class="${properties.kcFormClass!}" action="${base}badges" method="post">
            <p id="leerid-school-badge-print-help">${msg("leeridSchoolBadgePrintHelp")}</p>
            <input type="hidden" name="form_token" value="${formToken}">
            <div class="${properties.kcFormGroupClass!}">
                <label for="badge-class" class="pf-v5-c-form__label">${msg("leeridSchoolClass")}</label>
                <input id="badge-class" name="class" type="text" class="pf-v5-c-form-control" aria-describedby="leerid-school-badge-print-help">
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="badge-grade" class="pf-v5-c-form__label">${msg("leeridSchoolGrade")}</label>
                <input id="badge-grade" name="grade" type="text" class="pf-v5-c-form-control" aria-describedby="leerid-school-badge-print-help">
            </div>
            <button id="leerid-school-badge-print-submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("leeridSchoolBadgePrintSubmit")}</button>
        </form>
        <p><a id="leerid-school-back" href="${base}">${msg("leeridSchoolBack")}</a></p>
    </#if>
</@layout.registrationLayout>
