// The Function App's user-assigned managed identity. Created before the app so that its role assignments exist
// when the Functions host first starts (storage, Key Vault reference, Application Insights), and so that Exchange
// RBAC for Applications can be granted to it (see docs/deploy.md).

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
