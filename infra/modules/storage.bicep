metadata description = 'Storage for the Functions host and the app (Blob documents, queues), reachable only with Entra ID.'

param name string
param location string
param tags object = {}
@description('Blob containers to create: the app container (PRESTO_BLOB_CONTAINER) and the Flex deployment-package container.')
param containerNames array
@description('Queues the queue triggers listen on (api/contracts). Poison queues are created by the host on demand.')
param queueNames array

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    // No keys, no SAS signed with keys: the Function app and developers use Entra ID roles (rbac.bicep),
    // and the host uses the identity-based AzureWebJobsStorage__*ServiceUri settings.
    // https://learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    resource containers 'containers' = [for container in containerNames: {
      name: container
      properties: { publicAccess: 'None' }
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'
    resource queues 'queues' = [for queue in queueNames: {
      name: queue
    }]
  }
}

output name string = storage.name
output blobServiceUri string = storage.properties.primaryEndpoints.blob
output queueServiceUri string = storage.properties.primaryEndpoints.queue
output tableServiceUri string = storage.properties.primaryEndpoints.table
