metadata description = 'User-assigned identity of the Function app, created first so its roles exist before the app starts.'

param name string
param location string
param tags object = {}

// User-assigned rather than system-assigned: the client id is known before the site exists, so
// AzureWebJobsStorage__clientId, the Flex deployment-storage identity and the role assignments can all
// be wired in one pass (pattern of Azure-Samples/functions-quickstart-typescript-azd).
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
