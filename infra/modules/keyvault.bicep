// Key Vault (RBAC authorization) holding the Teams webhook URL and the Graph subscription's clientState. The Function App reads it through a Key Vault
// reference with its managed identity, which may read that one secret (Key Vault Secrets User on the secret).

@description('Key Vault name (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@secure()
@description('The Teams Workflows webhook URL; empty to skip the secret.')
param teamsWebhookUrl string

@secure()
@description('The clientState secret of the Graph subscription; empty to skip the secret.')
param graphClientState string

@description('Principal (the Function App\'s managed identity) allowed to read the secret.')
param principalId string

var secretName = 'teams-webhook-url'
// Whether a webhook was given; the only thing about the secret that leaves this module.
var hasTeamsWebhook = !empty(teamsWebhookUrl)
var clientStateSecretName = 'graph-client-state'
var hasClientState = !empty(graphClientState)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsWebhook 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasTeamsWebhook) {
  parent: vault
  name: secretName
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri-list'
  }
}

resource secretReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasTeamsWebhook) {
  name: guid(vault.id, secretName, principalId, keyVaultSecretsUser)
  scope: teamsWebhook
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output name string = vault.name
// Empty when there is no webhook, so the app setting is left out (the app then skips Teams).
output teamsWebhookReference string = hasTeamsWebhook
  ? '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${secretName})'
  : ''

resource clientState 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasClientState) {
  parent: vault
  name: clientStateSecretName
  properties: {
    value: graphClientState
    contentType: 'text/plain'
  }
}

resource clientStateReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasClientState) {
  name: guid(vault.id, clientStateSecretName, principalId, keyVaultSecretsUser)
  scope: clientState
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

// Empty when there is no clientState, so the app setting is left out (the app then makes no subscription).
output graphClientStateReference string = hasClientState
  ? '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${clientStateSecretName})'
  : ''
