/**
 * Every channel and the name of its function in the page's API. Kept apart from the schemas
 * so the preload, which must stay tiny, can build its API without bundling zod.
 */
export const CHANNEL_METHODS = {
  'app:info': 'getAppInfo',
  'connections:list': 'listConnections',
  'connections:add': 'addConnection',
  'connections:update': 'updateConnection',
  'connections:remove': 'removeConnection',
  'connections:test': 'testConnection',
  'datasets:listStart': 'startDatasetListing',
  'datasets:listMore': 'continueDatasetListing',
  'datasets:get': 'getDataset',
  'datasets:register': 'registerDataset',
  'datasets:update': 'updateDataset',
  'datasets:delete': 'deleteDataset',
  'drafts:list': 'listDrafts',
  'drafts:save': 'saveDraft',
  'drafts:discard': 'discardDraft',
  'storage:browse': 'browseStorage',
  'checks:start': 'startAnnotationCheck',
  'checks:progress': 'annotationCheckProgress',
  'checks:cancel': 'cancelAnnotationCheck',
  'fixes:prepare': 'prepareFixedCopy',
  'fixes:upload': 'uploadFixedCopy',
  'fixes:download': 'downloadFixedCopy',
  'checkAll:start': 'startCheckAll',
  'checkAll:progress': 'checkAllProgress',
  'checkAll:cancel': 'cancelCheckAll',
  'history:list': 'listDatasetHistory',
  'bulk:start': 'startBulkEdit',
  'bulk:progress': 'bulkEditProgress',
  'bulk:cancel': 'cancelBulkEdit',
  'activity:list': 'listActivity',
  'activity:code': 'activityCode',
  'activity:saveCode': 'saveRequestCode',
} as const;

export type Channel = keyof typeof CHANNEL_METHODS;
export const CHANNELS = Object.keys(CHANNEL_METHODS) as Channel[];
