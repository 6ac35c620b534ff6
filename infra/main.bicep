// Klachtenregister: the Azure resources of one environment (one organisation), deployed into a new resource group.
// azd: `azd up` (parameters from main.parameters.json and the azd environment). az CLI: see docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the environment (azd environment name), e.g. "klachten-prod". Used for the resource group name and to derive unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region of all resources except the Static Web App, e.g. "westeurope". Must offer Flex Consumption.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Region of the Static Web App that hosts the task pane (Static Web Apps exist in a few regions only).')
@allowed(['westeurope', 'centralus', 'eastus2', 'westus2', 'eastasia'])
param staticWebAppLocation string = 'westeurope'

@description('Static Web App plan: Free is enough for the task pane; Standard adds an SLA.')
@allowed(['Free', 'Standard'])
param staticWebAppSku string = 'Free'

@description('Entra tenant (directory) id that issues the tokens for the API (KR_AUTH_TENANT_ID). Empty: the tenant of the subscription.')
param authTenantId string = ''

@minLength(36)
@maxLength(36)
@description('Application (client) id of the API app registration "Klachtenregister API"; the audience of the tokens the API accepts (KR_AUTH_AUDIENCE).')
param apiClientId string

@description('The complaints mailbox the letters are sent from (KR_MAILBOX), e.g. klachten@organisatie.nl.')
param complaintsMailbox string

@description('Name of the organisation as it appears in letters and reports (KR_ORGANISATION_NAME).')
param organisationName string

@description('Independent third party for complaints without agreement (R13): organisation (KR_THIRD_PARTY_ORGANISATION).')
param thirdPartyOrganisation string

@description('Independent third party: e-mail address (KR_THIRD_PARTY_EMAIL).')
param thirdPartyEmail string

@description('Independent third party: contact person (KR_THIRD_PARTY_PERSON); may be empty.')
param thirdPartyPerson string = ''

@description('The first day the organisation could receive a complaint; earlier receipt dates are refused (KR_ORGANISATION_START, YYYY-MM-DD).')
param organisationStart string = '2000-01-01'

@minValue(2)
@maxValue(100)
@description('Years a closed complaint is kept before its personal data is erased (R3, at least 2; KR_RETENTION_YEARS).')
param retentionYears int = 2

@minValue(0)
@maxValue(20)
@description('Working days before a deadline that the handler gets a reminder mail (KR_REMINDER_WORKING_DAYS).')
param reminderWorkingDays int = 2

@description('Working days the complainant has to react to a proposed solution before the complaint may be closed without agreement (KR_NO_REACTION_WORKING_DAYS).')
param noReactionWorkingDays int = 10

@minValue(0)
@maxValue(1440)
@description('Minutes a new letter waits so the handler can read it and add a personal paragraph; 0 sends at once (KR_LETTER_REVIEW_MINUTES).')
param letterReviewMinutes int = 0

@allowed(['always', 'lustrum', 'never'])
@description('Bevrijdingsdag (5 May) as a day off: always, lustrum (years divisible by 5) or never (KR_LIBERATION_DAY).')
param liberationDay string = 'lustrum'

@description('Whether Goede Vrijdag is a day off for the organisation (KR_GOOD_FRIDAY_IS_HOLIDAY).')
param goodFridayIsHoliday bool = false

@description('The organisation\'s own closure days, comma-separated YYYY-MM-DD (KR_CLOSURE_DAYS); may be empty.')
param closureDays string = ''

@description('E-mail address the periodic summaries go to (KR_DIRECTOR_ADDRESS). Empty: no summary mail.')
param directorAddress string = ''

@secure()
@description('URL of the Teams Workflows webhook ("When a Teams webhook request is received"). Stored only in Key Vault. Empty: no Teams messages.')
param teamsWebhookUrl string = ''

@description('Public URL of the mailboxNotifications function with its function key (KR_NOTIFICATION_URL), set after the first deployment; see docs/deploy.md, "Mailbox capture". Empty: no Graph subscription, the delta timer alone captures replies.')
param notificationUrl string = ''

@secure()
@description('The clientState secret every Graph notification must carry (16-128 characters). Stored only in Key Vault. Empty: no Graph subscription.')
param graphClientState string = ''

@description('Origin of the task pane (KR_ADDIN_ORIGIN, CORS), e.g. https://klachten.organisatie.nl when a custom domain is bound. Empty: the Static Web App\'s own address.')
param addinOrigin string = ''

@description('Microsoft Graph base URL (KR_GRAPH_BASE_URL); change only for national clouds.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@minValue(1)
@maxValue(1000)
@description('Upper bound of Function App instances (Flex Consumption scale-out limit; bounds cost).')
param functionMaxInstances int = 40

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the telemetry (no complaint content is logged).')
param logRetentionDays int = 30

var effectiveTenantId = empty(authTenantId) ? tenant().tenantId : authTenantId
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName, application: 'klachtenregister' }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-klachten-${resourceToken}'
    location: location
    tags: tags
  }
}

// The Functions host's own storage: host state, timer leases and the Flex Consumption deployment package.
module hostStorage 'modules/storage.bicep' = {
  name: 'hostStorage'
  scope: rg
  params: {
    name: 'sthost${resourceToken}'
    location: location
    tags: tags
    containers: [deploymentContainer]
    principalId: identity.outputs.principalId
    roleNames: ['Storage Blob Data Owner', 'Storage Queue Data Contributor']
  }
}

// The register: complaint tables and the original e-mails with their attachments. Personal data lives here only.
module dataStorage 'modules/storage.bicep' = {
  name: 'dataStorage'
  scope: rg
  params: {
    name: 'stdata${resourceToken}'
    location: location
    tags: tags
    containers: []
    principalId: identity.outputs.principalId
    roleNames: ['Storage Table Data Contributor', 'Storage Blob Data Contributor']
  }
}

var deploymentContainer = 'app-package'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: 'log-klachten-${resourceToken}'
    appInsightsName: 'appi-klachten-${resourceToken}'
    location: location
    tags: tags
    retentionDays: logRetentionDays
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  scope: rg
  params: {
    name: 'kv-klachten-${take(resourceToken, 12)}'
    location: location
    tags: tags
    teamsWebhookUrl: teamsWebhookUrl
    graphClientState: graphClientState
    principalId: identity.outputs.principalId
  }
}

module addinSite 'modules/staticwebapp.bicep' = {
  name: 'addinSite'
  scope: rg
  params: {
    name: 'stapp-klachten-${resourceToken}'
    location: staticWebAppLocation
    sku: staticWebAppSku
    tags: tags
  }
}

var effectiveAddinOrigin = empty(addinOrigin) ? addinSite.outputs.origin : addinOrigin

module api 'modules/functionapp.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'func-klachten-${resourceToken}'
    planName: 'plan-klachten-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    hostStorageName: hostStorage.outputs.name
    hostBlobEndpoint: hostStorage.outputs.blobEndpoint
    deploymentContainer: deploymentContainer
    dataStorageName: dataStorage.outputs.name
    appInsightsConnectionString: monitoring.outputs.connectionString
    maxInstances: functionMaxInstances
    addinOrigin: effectiveAddinOrigin
    krSettings: {
      authTenantId: effectiveTenantId
      apiClientId: apiClientId
      graphBaseUrl: graphBaseUrl
      complaintsMailbox: complaintsMailbox
      organisationName: organisationName
      organisationStart: organisationStart
      directorAddress: directorAddress
      teamsWebhookReference: keyVault.outputs.teamsWebhookReference
      notificationUrl: notificationUrl
      graphClientStateReference: keyVault.outputs.graphClientStateReference
      thirdPartyOrganisation: thirdPartyOrganisation
      thirdPartyEmail: thirdPartyEmail
      thirdPartyPerson: thirdPartyPerson
      retentionYears: retentionYears
      reminderWorkingDays: reminderWorkingDays
      noReactionWorkingDays: noReactionWorkingDays
      letterReviewMinutes: letterReviewMinutes
      liberationDay: liberationDay
      goodFridayIsHoliday: goodFridayIsHoliday
      closureDays: closureDays
    }
  }
}

// Outputs: azd stores them in the environment; docs/deploy.md uses them for the app registrations and the manifest.
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_TENANT_ID string = effectiveTenantId
output FUNCTION_APP_NAME string = api.outputs.name
output API_BASE_URL string = '${api.outputs.url}/api'
output ADDIN_ORIGIN string = effectiveAddinOrigin
output ADDIN_DEFAULT_HOSTNAME string = addinSite.outputs.defaultHostname
output STATIC_WEB_APP_NAME string = addinSite.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output DATA_STORAGE_ACCOUNT string = dataStorage.outputs.name
