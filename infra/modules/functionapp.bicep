// The API: a Function App on Flex Consumption (Linux, Node 22) running as the user-assigned managed identity.
// No connection strings and no keys: host storage, the deployment package, the register's storage, Application
// Insights and the Key Vault reference all go through that identity.

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity (for DefaultAzureCredential and the identity-based host storage).')
param identityClientId string

@description('Storage account of the Functions host (AzureWebJobsStorage) and the deployment package.')
param hostStorageName string

@description('Blob endpoint of the host storage account, with a trailing slash.')
param hostBlobEndpoint string

@description('Blob container in the host storage account that holds the deployment package.')
param deploymentContainer string

@description('Storage account of the register (KR_STORAGE_ACCOUNT).')
param dataStorageName string

@secure()
@description('Application Insights connection string (grants nothing while local auth is off; kept out of deployment logs anyway).')
param appInsightsConnectionString string

@description('Upper bound of instances.')
param maxInstances int

@description('Origin of the task pane: the only origin allowed by CORS (KR_ADDIN_ORIGIN).')
param addinOrigin string

@description('The app\'s own settings (see functions/src/adapters/config.ts): authTenantId, apiClientId, graphBaseUrl, complaintsMailbox, organisationName, organisationStart (YYYY-MM-DD), directorAddress (may be empty), teamsWebhookReference (a Key Vault reference or empty), thirdPartyOrganisation, thirdPartyEmail, thirdPartyPerson, retentionYears (int), liberationDay, goodFridayIsHoliday (bool), closureDays.')
param krSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: { allowedOrigins: [addinOrigin], supportCredentials: false }
    }
    functionAppConfig: {
      // Flex Consumption keeps the deployment package in a blob container; here the host storage account's
      // "app-package" container, reached with the managed identity (no SAS, no connection string).
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostBlobEndpoint}${deploymentContainer}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maxInstances, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: '22' }
    }
  }
}

// Platform settings: identity-based host storage and telemetry; AZURE_CLIENT_ID selects the user-assigned
// identity for DefaultAzureCredential in the app.
var platformSettings = {
  AzureWebJobsStorage__accountName: hostStorageName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  AZURE_CLIENT_ID: identityClientId
}

// The app's settings, exactly the names config.ts reads (minus the local-only ones); optional ones are left
// out when empty, because an empty value would fail the app's validation at start-up.
var appSettings = union(
  {
    KR_STORAGE_ACCOUNT: dataStorageName
    KR_AUTH_TENANT_ID: krSettings.authTenantId
    KR_AUTH_AUDIENCE: krSettings.apiClientId
    KR_GRAPH_BASE_URL: krSettings.graphBaseUrl
    KR_MAILBOX: krSettings.complaintsMailbox
    KR_ADDIN_ORIGIN: addinOrigin
    KR_ORGANISATION_NAME: krSettings.organisationName
    KR_ORGANISATION_START: krSettings.organisationStart
    KR_THIRD_PARTY_ORGANISATION: krSettings.thirdPartyOrganisation
    KR_THIRD_PARTY_EMAIL: krSettings.thirdPartyEmail
    KR_THIRD_PARTY_PERSON: krSettings.thirdPartyPerson
    KR_RETENTION_YEARS: string(krSettings.retentionYears)
    KR_REMINDER_WORKING_DAYS: string(krSettings.reminderWorkingDays)
    KR_NO_REACTION_WORKING_DAYS: string(krSettings.noReactionWorkingDays)
    KR_LETTER_REVIEW_MINUTES: string(krSettings.letterReviewMinutes)
    KR_LIBERATION_DAY: krSettings.liberationDay
    KR_GOOD_FRIDAY_IS_HOLIDAY: krSettings.goodFridayIsHoliday ? 'true' : 'false'
    KR_CLOSURE_DAYS: krSettings.closureDays
  },
  empty(krSettings.directorAddress) ? {} : { KR_DIRECTOR_ADDRESS: krSettings.directorAddress },
  empty(krSettings.teamsWebhookReference) ? {} : { KR_TEAMS_WEBHOOK_URL: krSettings.teamsWebhookReference },
  empty(krSettings.notificationUrl) ? {} : { KR_NOTIFICATION_URL: krSettings.notificationUrl },
  empty(krSettings.graphClientStateReference) ? {} : { KR_GRAPH_CLIENT_STATE: krSettings.graphClientStateReference }
)

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(platformSettings, appSettings)
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
