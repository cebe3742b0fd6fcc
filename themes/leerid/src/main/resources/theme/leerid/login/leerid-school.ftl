<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<#-- template: leerid-school.ftl (the school console: search, letters, badges, resets, unlocks, helpdesk) -->
    <#if section = "header">
        ${msg("leeridSchoolTitle", school)}
    <#elseif section = "form">
        <#assign base = consoleUrl + school?url('UTF-8') + "/">
        <p id="leerid-school-caller">${msg("leeridSchoolLoggedInAs", callerName)}</p>
        <#if manages><p><a id="leerid-school-services-link" href="${base}services">${msg("leeridSchoolServicesLink")}</a></p></#if>
        <p><a id="leerid-school-badges-link" href="${base}badges">${msg("leeridSchoolBadgesLink")}</a></p>
        <p><a id="leerid-school-usage-link" href="${base}usage">${msg("leeridSchoolUsageLink")}</a></p>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolSearch")}</h2>
        <form id="leerid-school-search" class="${properties.kcFormClass!}" action="${base}" method="get" role="search">
            <div class="${properties.kcFormGroupClass!}">
                <label for="q" class="pf-v5-c-form__label">${msg("leeridSchoolSearchText")}</label>
                <input id="q" name="q" type="search" class="pf-v5-c-form-control" value="${query}">
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="search-class" class="pf-v5-c-form__label">${msg("leeridSchoolClass")}</label>
                <input id="search-class" name="class" type="text" class="pf-v5-c-form-control" value="${queryClass}">
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="search-grade" class="pf-v5-c-form__label">${msg("leeridSchoolGrade")}</label>
                <input id="search-grade" name="grade" type="text" inputmode="numeric" class="pf-v5-c-form-control" value="${queryGrade}">
            </div>
            <button id="leerid-school-search-submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("leeridSchoolSearchSubmit")}</button>
        </form>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolReferenceTitle")}</h2>
        <form id="leerid-school-reference-form" class="${properties.kcFormClass!}" action="${base}reference" method="get">
            <div class="${properties.kcFormGroupClass!}">
                <label for="reference-code" class="pf-v5-c-form__label">${msg("leeridSchoolReferenceCode")}</label>
                <input id="reference-code" name="code" type="text" autocomplete="off" class="pf-v5-c-form-control">
            </div>
            <button id="leerid-school-reference-submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit">${msg("leeridSchoolReferenceSubmit")}</button>
        </form>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolLetters")}</h2>
        <form id="leerid-school-letters" class="${properties.kcFormClass!}" action="${base}letters" method="post">
            <p id="leerid-school-letters-help">${msg("leeridSchoolLettersHelp")}</p>
            <input type="hidden" name="form_token" value="${formToken}">
            <div class="${properties.kcFormGroupClass!}">
                <label for="letters-class" class="pf-v5-c-form__label">${msg("leeridSchoolClass")}</label>
                <input id="letters-class" name="class" type="text" class="pf-v5-c-form-control" value="${queryClass}" aria-describedby="leerid-school-letters-help">
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="letters-grade" class="pf-v5-c-form__label">${msg("leeridSchoolGrade")}</label>
                <input id="letters-grade" name="grade" type="text" inputmode="numeric" class="pf-v5-c-form-control" value="${queryGrade}" aria-describedby="leerid-school-letters-help">
            </div>
            <button id="leerid-school-letters-submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit">${msg("leeridSchoolLettersSubmit")}</button>
        </form>

        <h2 class="leerid-school-heading pf-v5-c-title pf-m-lg">${msg("leeridSchoolPeople")}</h2>
        <#if people?has_content>
            <ul id="leerid-school-people" class="leerid-school-people">
                <#list people as person>
                    <li id="person-${person.username()}" class="leerid-school-person">
                        <p><strong>${person.givenName()!""} ${person.familyName()!""}</strong> (${person.username()})</p>
                        <p>
                            <#if person.learner()>${msg("leeridSchoolLearner")}<#if person.schoolClass()??>, ${msg("leeridSchoolClass")} ${person.schoolClass()}</#if><#if person.grade()??>, ${msg("leeridSchoolGrade")} ${person.grade()}</#if><#else>${msg("leeridSchoolStaff")}<#if person.helpdesk()>, ${msg("leeridSchoolHelpdesk")}</#if></#if>
                        </p>
                        <p class="leerid-school-status" data-status="${person.statusKey()}">${msg(person.statusKey())}<#if person.leftOn()??> (${msg("leeridSchoolLeftOn", person.leftOn())})</#if></p>
                        <p class="leerid-school-last-login"><#if person.lastLogin()??>${msg("leeridSchoolLastLogin", person.lastLogin())}<#else>${msg("leeridSchoolNeverLoggedIn")}</#if></p>
                        <#if person.learner() && person.statusKey() != "leeridSchoolStatusLeft">
                            <form action="${base}people/${person.id()}/reset" method="post" class="leerid-school-action">
                                <input type="hidden" name="form_token" value="${formToken}">
                                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit">${msg("leeridSchoolReset")}</button>
                            </form>
                        </#if>
                        <#if person.usesBadge()>
                            <form action="${base}badges/people/${person.id()}" method="post" class="leerid-school-action">
                                <input type="hidden" name="form_token" value="${formToken}">
                                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit"><#if person.hasBadge()>${msg("leeridSchoolBadgeNew")}<#else>${msg("leeridSchoolBadgeFirst")}</#if></button>
                            </form>
                        </#if>
                        <#if person.hasBadge()>
                            <form action="${base}badges/people/${person.id()}/void" method="post" class="leerid-school-action">
                                <input type="hidden" name="form_token" value="${formToken}">
                                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit">${msg("leeridSchoolBadgeVoid")}</button>
                            </form>
                        </#if>
                        <#if person.learner() && person.locked()>
                            <form action="${base}people/${person.id()}/unlock" method="post" class="leerid-school-action">
                                <input type="hidden" name="form_token" value="${formToken}">
                                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit">${msg("leeridSchoolUnlock")}</button>
                            </form>
                        </#if>
                        <#if manages && person.mayGetHelpdesk()>
                            <form action="${base}people/${person.id()}/helpdesk" method="post" class="leerid-school-action">
                                <input type="hidden" name="form_token" value="${formToken}">
                                <input type="hidden" name="grant" value="${(!person.helpdesk())?c}">
                                <button class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!}" type="submit"><#if person.helpdesk()>${msg("leeridSchoolHelpdeskWithdraw")}<#else>${msg("leeridSchoolHelpdeskGrant")}</#if></button>
                            </form>
                        </#if>
                    </li>
                </#list>
            </ul>
            <#if more>
                <p><a id="leerid-school-more" href="${base}?q=${query?url('UTF-8')}&amp;class=${queryClass?url('UTF-8')}&amp;grade=${queryGrade?url('UTF-8')}&amp;first=${(first + 50)?c}">${msg("leeridSchoolMore")}</a></p>
            </#if>
        <#else>
            <p id="leerid-school-nobody">${msg("leeridSchoolNobody")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
